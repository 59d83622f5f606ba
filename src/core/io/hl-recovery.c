/* hl-recovery.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "hl-atomic-file.h"
#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-recovery.h"

#define GROUP "Recovery"

char *
hl_recovery_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "hairline-studio", "recovery", NULL);
}

char *
hl_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
entry_file (const char *dir,
            const char *id,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* Makes @dir (and its missing parents) 0700, or tightens it to 0700 when
 * it exists looser: the copies are clients' designs, names and notes. */
static gboolean
make_private_dir (const char  *dir,
                  GError     **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("%s: cannot make the recovery folder: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  if (g_stat (dir, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("%s: cannot make the recovery folder: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  if ((st.st_mode & 07777) != 0700 && g_chmod (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, HL_ERROR, HL_ERROR_IO,
                   _("%s: cannot make the recovery folder private (mode 0700): %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
hl_recovery_write (const char      *dir,
                   const char      *id,
                   const HlDesign  *design,
                   const char      *original_path,
                   const char      *title,
                   GError         **error)
{
  g_autofree char *json_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  GStatBuf st;

  g_return_val_if_fail (dir != NULL && id != NULL, FALSE);
  g_return_val_if_fail (design != NULL, FALSE);

  if (!make_private_dir (dir, error))
    return FALSE;

  /* The design first: an info file always has its design. A copy an
   * older version left readable by others is made private before it is
   * replaced (the atomic writer keeps an existing file's mode). */
  json_path = entry_file (dir, id, ".json");
  if (g_lstat (json_path, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 07777) != 0600)
    g_chmod (json_path, 0600);
  if (!hl_design_save_to_file (design, json_path, error))
    return FALSE;

  g_key_file_set_int64 (keys, GROUP, "pid", (gint64) getpid ());
  g_key_file_set_int64 (keys, GROUP, "written", g_get_real_time ());
  g_key_file_set_string (keys, GROUP, "title", title != NULL ? title : "");
  if (original_path != NULL)
    g_key_file_set_string (keys, GROUP, "original", original_path);
  info = g_key_file_to_data (keys, NULL, NULL);
  info_path = entry_file (dir, id, ".info");
  return g_file_set_contents_full (info_path, info, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

char *
hl_recovery_photo_path (const char *dir,
                        const char *id)
{
  g_return_val_if_fail (dir != NULL && id != NULL, NULL);
  return entry_file (dir, id, ".png");
}

gboolean
hl_recovery_write_photo (const char  *dir,
                         const char  *id,
                         GBytes      *png,
                         GError     **error)
{
  g_autofree char *path = NULL;
  const char *data;
  gsize length;
  GStatBuf st;

  g_return_val_if_fail (dir != NULL && id != NULL, FALSE);
  g_return_val_if_fail (png != NULL, FALSE);

  if (!make_private_dir (dir, error))
    return FALSE;
  /* A new file is 0600; an existing one keeps its mode: tightened first. */
  path = entry_file (dir, id, ".png");
  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 07777) != 0600)
    g_chmod (path, 0600);
  data = g_bytes_get_data (png, &length);
  return hl_atomic_file_set_contents (path, data, length, NULL, HL_ATOMIC_FILE_DEFAULT, error);
}

void
hl_recovery_remove (const char *dir,
                    const char *id)
{
  g_autofree char *json_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *photo_path = NULL;

  g_return_if_fail (dir != NULL && id != NULL);

  info_path = entry_file (dir, id, ".info");
  json_path = entry_file (dir, id, ".json");
  photo_path = entry_file (dir, id, ".png");
  g_unlink (info_path);
  g_unlink (json_path);
  g_unlink (photo_path);
}

HlRecoveryEntry *
hl_recovery_entry_copy (const HlRecoveryEntry *entry)
{
  HlRecoveryEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (HlRecoveryEntry, 1);
  copy->id = g_strdup (entry->id);
  copy->design_path = g_strdup (entry->design_path);
  copy->original_path = g_strdup (entry->original_path);
  copy->title = g_strdup (entry->title);
  copy->written = entry->written;
  copy->photo_path = g_strdup (entry->photo_path);
  return copy;
}

void
hl_recovery_entry_free (HlRecoveryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->design_path);
  g_free (entry->original_path);
  g_free (entry->title);
  g_free (entry->photo_path);
  g_free (entry);
}

/* Whether process @pid still runs (EPERM: it does, someone else's). */
static gboolean
is_running (gint64 pid)
{
  if (pid <= 0 || pid != (pid_t) pid)
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static int
compare_written (gconstpointer a,
                 gconstpointer b)
{
  const HlRecoveryEntry *x = *(HlRecoveryEntry * const *) a;
  const HlRecoveryEntry *y = *(HlRecoveryEntry * const *) b;

  return (x->written > y->written) - (x->written < y->written);
}

GPtrArray *
hl_recovery_list_orphans (const char *dir)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_recovery_entry_free);
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, entries);

  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autofree char *info_path = NULL;
      g_autofree char *id = NULL;
      HlRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".info"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".info"));
      info_path = g_build_filename (dir, name, NULL);
      if (!g_key_file_load_from_file (keys, info_path, G_KEY_FILE_NONE, NULL) ||
          is_running (g_key_file_get_int64 (keys, GROUP, "pid", NULL)))
        continue;

      entry = g_new0 (HlRecoveryEntry, 1);
      entry->id = g_steal_pointer (&id);
      entry->design_path = entry_file (dir, entry->id, ".json");
      entry->original_path = g_key_file_get_string (keys, GROUP, "original", NULL);
      entry->title = g_key_file_get_string (keys, GROUP, "title", NULL);
      entry->written = g_key_file_get_int64 (keys, GROUP, "written", NULL);
      if (!g_file_test (entry->design_path, G_FILE_TEST_IS_REGULAR))
        {
          hl_recovery_entry_free (entry);
          continue;
        }
      entry->photo_path = entry_file (dir, entry->id, ".png");
      if (!g_file_test (entry->photo_path, G_FILE_TEST_IS_REGULAR))
        g_clear_pointer (&entry->photo_path, g_free);
      if (entry->title == NULL || entry->title[0] == '\0')
        {
          g_free (entry->title);
          entry->title = g_strdup (_("Untitled design"));
        }
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_written);
  return entries;
}
