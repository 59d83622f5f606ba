/* hl-progress-photo-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include <string.h>

#include "hl-atomic-file.h"
#include "hl-error.h"
#include "hl-progress-photo-io.h"

HlProgressPhoto *
hl_progress_photo_load (const char  *path,
                        const char  *view,
                        HlPhoto    **out,
                        GError     **error)
{
  g_autoptr(HlPhoto) photo = NULL;
  HlProgressPhoto *progress;

  g_return_val_if_fail (path != NULL && view != NULL, NULL);

  photo = hl_photo_load (path, error);
  if (photo == NULL)
    return NULL;
  progress = hl_progress_photo_new (path, hl_photo_get_sha256 (photo), hl_photo_get_width (photo),
                                    hl_photo_get_height (photo), view);
  if (out != NULL)
    *out = g_steal_pointer (&photo);
  return progress;
}

static char *
canonical (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return g_file_get_path (file);
}

void
hl_design_rebase_progress_photos (HlDesign   *design,
                                  const char *from_path,
                                  const char *to_path)
{
  g_autofree char *target = to_path != NULL ? canonical (to_path) : NULL;

  g_return_if_fail (design != NULL);

  for (guint r = 0; r < design->records->len; r++)
    {
      HlSessionRecord *record = g_ptr_array_index (design->records, r);
      g_autoptr(HlSessionRecord) moved = NULL;

      for (guint p = 0; p < record->photos->len; p++)
        {
          HlProgressPhoto *photo = g_ptr_array_index (record->photos, p);
          g_autofree char *resolved = hl_photo_resolve_path (from_path, photo->path);
          g_autofree char *absolute = canonical (resolved);
          g_autofree char *rebased = target != NULL ? hl_photo_relative_path (target, absolute)
                                                    : g_strdup (absolute);
          HlProgressPhoto *copy;

          if (g_strcmp0 (rebased, photo->path) == 0)
            continue;
          if (moved == NULL)
            moved = hl_session_record_copy (record);
          copy = hl_progress_photo_copy (photo);
          g_free (copy->path);
          copy->path = g_steal_pointer (&rebased);
          hl_progress_photo_unref (g_ptr_array_index (moved->photos, p));
          g_ptr_array_index (moved->photos, p) = copy;
        }
      if (moved != NULL)
        hl_design_set_record (design, moved);
    }
}

/* Where @source goes in @dir: itself when it is there, an identical file
 * of the same name, or the first free "name-N.ext". */
static char *
copy_one (const char  *source,
          const char  *dir,
          GHashTable  *done,
          GError     **error)
{
  g_autofree char *source_dir = g_path_get_dirname (source);
  g_autofree char *base = g_path_get_basename (source);
  g_autofree char *data = NULL;
  const char *dot;
  g_autofree char *stem = NULL;
  gsize length = 0;
  char *target;

  if ((target = g_hash_table_lookup (done, source)) != NULL)
    return g_strdup (target);
  {
    g_autofree char *a = canonical (source_dir);
    g_autofree char *b = canonical (dir);

    if (g_strcmp0 (a, b) == 0)
      return g_strdup (source);
  }
  if (!g_file_get_contents (source, &data, &length, NULL))
    {
      g_autofree char *name = g_filename_display_name (source);

      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s: cannot be read, so it cannot be copied"), name);
      return NULL;
    }

  dot = strrchr (base, '.');
  stem = dot != NULL && dot != base ? g_strndup (base, (gsize) (dot - base)) : g_strdup (base);
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (base)
                                     : g_strdup_printf ("%s-%u%s", stem, n, dot != NULL && dot != base ? dot : "");
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *existing = NULL;
      gsize existing_length = 0;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
              g_file_get_contents (path, &existing, &existing_length, NULL) &&
              existing_length == length && memcmp (existing, data, length) == 0)
            {
              g_hash_table_insert (done, g_strdup (source), g_strdup (path));
              return g_steal_pointer (&path);
            }
          continue;
        }
      if (!hl_atomic_file_set_contents (path, data, length, NULL, HL_ATOMIC_FILE_DEFAULT, error))
        return NULL;
      g_hash_table_insert (done, g_strdup (source), g_strdup (path));
      return g_steal_pointer (&path);
    }
  g_set_error (error, HL_ERROR, HL_ERROR_IO, _("%s: no free name for a copy of %s"), dir, base);
  return NULL;
}

HlDesign *
hl_design_copy_photos (const HlDesign *design,
                       const char     *design_path,
                       GError        **error)
{
  g_autoptr(HlDesign) copy = NULL;
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *dir = NULL;

  g_return_val_if_fail (design != NULL && design_path != NULL, NULL);

  dir = g_path_get_dirname (design_path);

  copy = hl_design_copy (design);
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    {
      const HlView *view = hl_design_get_view (design, v);
      g_autofree char *path = NULL;
      g_autoptr(HlView) moved = NULL;

      if (view->photo.path == NULL)
        continue;
      path = copy_one (view->photo.path, dir, done, error);
      if (path == NULL)
        return NULL;
      if (g_strcmp0 (path, view->photo.path) == 0)
        continue;
      moved = hl_view_copy (view);
      hl_view_set_photo (moved, path, view->photo.sha256, view->photo.width, view->photo.height);
      hl_design_replace_view (copy, v, moved);
    }

  for (guint r = 0; r < design->records->len; r++)
    {
      const HlSessionRecord *record = g_ptr_array_index (design->records, r);
      g_autoptr(HlSessionRecord) moved = hl_session_record_copy (record);

      for (guint p = 0; p < record->photos->len; p++)
        {
          const HlProgressPhoto *photo = g_ptr_array_index (record->photos, p);
          g_autofree char *path = copy_one (photo->path, dir, done, error);
          HlProgressPhoto *c;

          if (path == NULL)
            return NULL;
          c = hl_progress_photo_copy (photo);
          g_free (c->path);
          c->path = g_steal_pointer (&path);
          hl_progress_photo_unref (g_ptr_array_index (moved->photos, p));
          g_ptr_array_index (moved->photos, p) = c;
        }
      hl_design_set_record (copy, moved);
    }

  return g_steal_pointer (&copy);
}
