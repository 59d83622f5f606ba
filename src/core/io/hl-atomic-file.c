/* hl-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* fopencookie */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "hl-atomic-file.h"
#include "hl-error.h"

#define TEMP_MARK ".hl-tmp-"
#define MAX_BASE_BYTES 180           /* keeps ".NAME.hl-tmp-PID-XXXXXX" under NAME_MAX */
#define MAX_SYMLINKS 40
#define STALE_AGE_SECONDS (60 * 60)
#define NEW_FILE_MODE 0600

struct _HlAtomicFile
{
  char        *path;        /* as the caller named it: used in messages */
  char        *target;      /* the file replaced (path, or where its links end) */
  char        *temp;
  int          fd;
  FILE        *stream;
  int          write_errno; /* first write error, 0 = none */
  gboolean     existed;
  struct stat  target_st;   /* valid when existed */
};

/* --- signal cleanup --------------------------------------------------------- */

static gboolean signal_cleanup_installed;
static char signal_path[4096];
static volatile sig_atomic_t signal_armed;

static void
on_fatal_signal (int sig)
{
  int saved = errno;

  if (signal_armed)
    unlink (signal_path);
  errno = saved;
  /* SA_RESETHAND restored the default action; the signal is blocked until
   * the handler returns, then ends the process as it would have. */
  raise (sig);
}

/* The signals that end a command-line program and get the cleanup: Ctrl+C,
 * kill, the terminal going away (a closed SSH session), and a write to a
 * closed pipe. */
static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

static void
add_cleanup_signals (sigset_t *set)
{
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    sigaddset (set, cleanup_signals[i]);
}

void
hl_atomic_file_install_signal_cleanup (void)
{
  struct sigaction sa;

  if (signal_cleanup_installed)
    return;

  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_fatal_signal;
  sigemptyset (&sa.sa_mask);
  add_cleanup_signals (&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    {
      struct sigaction old;

      /* A signal ignored when we started (nohup, a background job of a
       * shell without job control) stays ignored. */
      if (sigaction (cleanup_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
        continue;
      sigaction (cleanup_signals[i], &sa, NULL);
    }
  signal_cleanup_installed = TRUE;
}

static void
signal_arm (const char *temp)
{
  if (!signal_cleanup_installed)
    return;
  signal_armed = 0;
  if (strlen (temp) < sizeof signal_path)
    {
      memcpy (signal_path, temp, strlen (temp) + 1);
      signal_armed = 1;
    }
}

static void
signal_block (sigset_t *saved)
{
  sigset_t block;

  sigemptyset (&block);
  add_cleanup_signals (&block);
  pthread_sigmask (SIG_BLOCK, &block, saved);
}

static void
signal_unblock (const sigset_t *saved)
{
  pthread_sigmask (SIG_SETMASK, saved, NULL);
}

static void
signal_disarm (const char *temp)
{
  if (signal_cleanup_installed && signal_armed && strcmp (signal_path, temp) == 0)
    signal_armed = 0;
}

/* --- checks ----------------------------------------------------------------- */

static const char *
kind_of (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a FIFO");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  /* Translators: follows "is" or "became" in the messages below, like
   * "a folder". */
  return _("not a regular file");
}

static gboolean
io_error (GError    **error,
          const char *path,
          int         err)
{
  g_set_error (error, HL_ERROR, HL_ERROR_IO, _("%s: cannot write: %s"), path, g_strerror (err));
  return FALSE;
}

/* Follows @path's symbolic links when allowed; fills *@target, *@existed
 * and @st (when it exists). */
static gboolean
check_target (const char         *path,
              const char * const *inputs,
              HlAtomicFileFlags   flags,
              char              **target,
              gboolean           *existed,
              struct stat        *st,
              GError            **error)
{
  g_autofree char *cur = g_strdup (path);
  int links = 0;

  if (path[0] == '\0')
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("an empty output path"));
      return FALSE;
    }

  for (;;)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;

      if (lstat (cur, st) != 0)
        {
          int err = errno;

          if (err != ENOENT)
            return io_error (error, path, err);
          *existed = FALSE;
          break;
        }
      if (!S_ISLNK (st->st_mode))
        {
          *existed = TRUE;
          break;
        }
      if (!(flags & HL_ATOMIC_FILE_FOLLOW_SYMLINKS))
        {
          g_set_error (error, HL_ERROR, HL_ERROR_IO,
                       _("%s: is a symbolic link; refusing to replace it or write through it"), path);
          return FALSE;
        }
      if (++links > MAX_SYMLINKS)
        return io_error (error, path, ELOOP);
      link = g_file_read_link (cur, NULL);
      if (link == NULL)
        return io_error (error, path, errno != 0 ? errno : EINVAL);
      dir = g_path_get_dirname (cur);
      g_free (cur);
      cur = g_path_is_absolute (link) ? g_steal_pointer (&link) : g_build_filename (dir, link, NULL);
    }

  if (*existed && !S_ISREG (st->st_mode))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("%s: is %s; refusing to replace it"), path,
                   kind_of (st->st_mode));
      return FALSE;
    }

  /* Renaming over a file needs write permission on its folder only, so a
   * file its owner made read-only would be replaced silently. Refuse it as
   * the write would be refused: no write bit for anybody (which also
   * stops root, whom access() lets through), or no write permission for
   * us. */
  if (*existed && ((st->st_mode & 0222) == 0 || (access (cur, W_OK) != 0 && errno == EACCES)))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO,
                   _("%s: permission denied: the file is read-only; refusing to replace it"), path);
      return FALSE;
    }

  if (*existed && inputs != NULL)
    {
      for (guint i = 0; inputs[i] != NULL; i++)
        {
          GStatBuf in;

          if (g_stat (inputs[i], &in) == 0 && in.st_dev == st->st_dev && in.st_ino == st->st_ino)
            {
              g_set_error (error, HL_ERROR, HL_ERROR_IO,
                           _("%s: is an input of this command (%s); refusing to overwrite it"),
                           path, inputs[i]);
              return FALSE;
            }
        }
    }

  *target = g_steal_pointer (&cur);
  return TRUE;
}

gboolean
hl_atomic_file_check_target (const char          *path,
                             const char * const  *inputs,
                             HlAtomicFileFlags    flags,
                             char               **resolved,
                             GError             **error)
{
  g_autofree char *target = NULL;
  gboolean existed;
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_target (path, inputs, flags, &target, &existed, &st, error))
    return FALSE;
  if (resolved != NULL)
    *resolved = g_steal_pointer (&target);
  return TRUE;
}

/* --- temporary files ---------------------------------------------------------- */

static char *
temp_prefix (const char *target)
{
  g_autofree char *base = g_path_get_basename (target);

  if (strlen (base) > MAX_BASE_BYTES)
    base[MAX_BASE_BYTES] = '\0';
  return g_strdup_printf (".%s" TEMP_MARK, base);
}

/* Whether @name is ".NAME.hl-tmp-PID-XXXXXX"; its PID in *@pid. */
static gboolean
parse_temp_name (const char *name,
                 long       *pid)
{
  const char *mark, *rest, *p;
  char *end;

  if (name[0] != '.')
    return FALSE;
  /* NAME may itself hold the mark: the PID follows the last one. */
  mark = NULL;
  for (p = strstr (name + 1, TEMP_MARK); p != NULL; p = strstr (p + 1, TEMP_MARK))
    mark = p;
  if (mark == NULL || mark == name + 1)
    return FALSE;
  rest = mark + strlen (TEMP_MARK);
  if (!g_ascii_isdigit (*rest))
    return FALSE;
  errno = 0;
  *pid = strtol (rest, &end, 10);
  if (errno != 0 || *pid <= 0 || *pid > G_MAXINT || *end != '-' || strlen (end + 1) != 6)
    return FALSE;
  for (p = end + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

guint
hl_atomic_file_sweep_stale (const char *dir_path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  time_t now = time (NULL);
  guint removed = 0;

  g_return_val_if_fail (dir_path != NULL, 0);

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = NULL;
      long pid;
      struct stat st;
      gboolean dead, old;

      if (!parse_temp_name (name, &pid))
        continue;

      full = g_build_filename (dir_path, name, NULL);
      if (lstat (full, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      /* EPERM: the process runs, as someone else. */
      dead = (pid_t) pid != getpid () && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
      /* A file being written changes all the time; an hour without a
       * change is a killed run whose PID was reused. */
      old = now - st.st_mtime > STALE_AGE_SECONDS;
      if ((dead || old) && g_unlink (full) == 0)
        removed++;
    }
  return removed;
}

static ssize_t
cookie_write (void       *cookie,
              const char *buf,
              size_t      size)
{
  HlAtomicFile *file = cookie;
  size_t done = 0;

  while (done < size)
    {
      ssize_t n = write (file->fd, buf + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (file->write_errno == 0)
            file->write_errno = n < 0 ? errno : EIO;
          errno = file->write_errno;
          return -1;
        }
      done += (size_t) n;
    }
  return (ssize_t) done;
}

HlAtomicFile *
hl_atomic_file_new (const char          *path,
                    const char * const  *inputs,
                    HlAtomicFileFlags    flags,
                    GError             **error)
{
  HlAtomicFile *file;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  cookie_io_functions_t io = { NULL, cookie_write, NULL, NULL };
  gboolean existed;
  struct stat st;
  sigset_t saved_mask;
  int saved_errno;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_target (path, inputs, flags, &target, &existed, &st, error))
    return NULL;

  dir = g_path_get_dirname (target);
  hl_atomic_file_sweep_stale (dir);

  file = g_new0 (HlAtomicFile, 1);
  file->path = g_strdup (path);
  file->existed = existed;
  if (existed)
    file->target_st = st;

  prefix = temp_prefix (target);
  name = g_strdup_printf ("%s%d-XXXXXX", prefix, (int) getpid ());
  file->temp = g_build_filename (dir, name, NULL);
  file->target = g_steal_pointer (&target);

  /* The cleanup is armed with the name before the file exists, so that a
   * signal at any moment, handled on any thread (blocking it here does
   * not keep it from another thread), finds it: before the file is made,
   * the unlink finds nothing; after, it removes it. The name is made as
   * mkstemp makes it, and the file with O_EXCL. The file is private from
   * its first byte (a kill -9 may leave it behind until the next sweep);
   * a new target stays so, an existing one gets its own mode back at
   * commit. */
  file->fd = -1;
  saved_errno = EEXIST;
  for (guint attempt = 0; attempt < 100 && file->fd < 0 && saved_errno == EEXIST; attempt++)
    {
      static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
      char *x = file->temp + strlen (file->temp) - 6;

      for (guint i = 0; i < 6; i++)
        x[i] = letters[g_random_int_range (0, (gint32) sizeof letters - 1)];
      signal_block (&saved_mask);
      signal_arm (file->temp);
      file->fd = open (file->temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, NEW_FILE_MODE);
      saved_errno = errno;
      if (file->fd < 0)
        signal_disarm (file->temp);
      signal_unblock (&saved_mask);
    }
  if (file->fd < 0)
    {
      io_error (error, path, saved_errno);
      file->fd = -1;
      hl_atomic_file_discard (file, NULL, NULL);
      return NULL;
    }

  file->stream = fopencookie (file, "w", io);
  if (file->stream == NULL)
    {
      io_error (error, path, errno);
      hl_atomic_file_discard (file, NULL, NULL);
      return NULL;
    }

  return file;
}

FILE *
hl_atomic_file_get_stream (HlAtomicFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->stream;
}

const char *
hl_atomic_file_get_temp_path (HlAtomicFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->temp;
}

gboolean
hl_atomic_file_write (HlAtomicFile *file,
                      const void   *data,
                      gsize         length)
{
  g_return_val_if_fail (file != NULL, FALSE);

  if (length == 0)
    return file->write_errno == 0;
  return fwrite (data, 1, length, file->stream) == length && file->write_errno == 0;
}

static void
file_free (HlAtomicFile *file,
           gboolean      remove_temp)
{
  if (file->stream != NULL)
    fclose (file->stream);
  if (file->fd >= 0)
    close (file->fd);
  if (remove_temp && file->fd != -1)
    g_unlink (file->temp);
  signal_disarm (file->temp);
  g_free (file->path);
  g_free (file->target);
  g_free (file->temp);
  g_free (file);
}

void
hl_atomic_file_discard (HlAtomicFile *file,
                        const char   *reason,
                        GError      **error)
{
  if (file == NULL)
    return;

  if (file->stream != NULL)
    {
      /* A last flush may reveal the write error behind @reason. */
      fflush (file->stream);
    }
  if (error != NULL)
    {
      if (file->write_errno != 0)
        io_error (error, file->path, file->write_errno);
      else if (reason != NULL)
        g_set_error (error, HL_ERROR, HL_ERROR_IO, _("%s: cannot write: %s"), file->path, reason);
      else
        g_set_error (error, HL_ERROR, HL_ERROR_IO, _("%s: cannot write"), file->path);
    }
  file_free (file, TRUE);
}

gboolean
hl_atomic_file_commit (HlAtomicFile *file,
                       GError      **error)
{
  g_autofree char *dir = NULL;
  struct stat now;
  int fd, err;

  g_return_val_if_fail (file != NULL, FALSE);

  if (fflush (file->stream) != 0 || ferror (file->stream) || file->write_errno != 0)
    {
      err = file->write_errno != 0 ? file->write_errno : (errno != 0 ? errno : EIO);
      goto fail;
    }
  fclose (file->stream);
  file->stream = NULL;

  if (file->existed)
    {
      /* Keep the owner where we may (root replacing someone's file), then
       * the permission bits, which fchown may have cut. */
      if (fchown (file->fd, file->target_st.st_uid, file->target_st.st_gid) != 0)
        { /* not ours to give away: the new file is ours */ }
      if (fchmod (file->fd, file->target_st.st_mode & 07777) != 0)
        {
          err = errno;
          goto fail;
        }
    }

  if (fsync (file->fd) != 0)
    {
      err = errno;
      goto fail;
    }
  fd = file->fd;
  file->fd = -2;  /* closed, temporary file still to remove on failure */
  if (close (fd) != 0)
    {
      err = errno;
      goto fail;
    }

  /* The target may have changed while we wrote: never rename over
   * something that is no longer a regular file. */
  if (lstat (file->target, &now) == 0 && !S_ISREG (now.st_mode))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("%s: became %s while writing; left as it is"),
                   file->path, S_ISLNK (now.st_mode) ? _("a symbolic link") : kind_of (now.st_mode));
      file_free (file, TRUE);
      return FALSE;
    }

  if (g_rename (file->temp, file->target) != 0)
    {
      err = errno;
      goto fail;
    }

  /* Make the rename itself durable. */
  dir = g_path_get_dirname (file->target);
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  file_free (file, FALSE);
  return TRUE;

fail:
  io_error (error, file->path, err);
  file_free (file, TRUE);
  return FALSE;
}

gboolean
hl_atomic_file_set_contents (const char          *path,
                             const char          *data,
                             gsize                length,
                             const char * const  *inputs,
                             HlAtomicFileFlags    flags,
                             GError             **error)
{
  HlAtomicFile *file;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  file = hl_atomic_file_new (path, inputs, flags, error);
  if (file == NULL)
    return FALSE;
  if (!hl_atomic_file_write (file, data, length))
    {
      hl_atomic_file_discard (file, NULL, error);
      return FALSE;
    }
  return hl_atomic_file_commit (file, error);
}
