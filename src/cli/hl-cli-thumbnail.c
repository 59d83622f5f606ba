/* hl-cli-thumbnail.c: `hairline thumbnail`, the file managers' preview of
 * a design (data/hairline.thumbnailer runs it as a freedesktop
 * thumbnailer: --size %s %i %o).
 *
 * The preview is the first view's mockup as `hairline render` draws it by
 * default (fresh dots, cropped to the head), scaled so that its larger
 * side is SIZE pixels where the export's scale range allows, without the
 * simulation mark (a file's icon, not an image shown to a client: the
 * mark would be a few unreadable pixels). A photo the thumbnailer cannot
 * reach (sandboxed thumbnailers see only the design file) gives a preview
 * on the plain background with the hairline drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <stdio.h>

#include "hl-cli.h"
#include "hl-cli-stdio.h"
#include "hl-error.h"
#include "hl-export.h"

/* The size file managers ask for when none is given: the "normal"
 * thumbnail, at most 128×128 px (freedesktop.org, "Thumbnail Managing
 * Standard", Thumbnail Directory,
 * https://specifications.freedesktop.org/thumbnail-spec/latest/x127.html). */
#define DEFAULT_SIZE 128

int
hl_cli_thumbnail (int    argc,
                  char **argv)
{
  int size = DEFAULT_SIZE;
  GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_INT, &size, N_("Larger side of the preview in pixels, 16–2048 (default 128)"), N_("PX") },
    { NULL }
  };
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *staging_dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *png = NULL;
  HlExportOptions export;
  const char *name;
  int width = 0, height = 0;
  gsize length;

  if (!hl_cli_parse_options ("thumbnail", _("DESIGN OUT.png"),
                             _("Write a small PNG preview of a design's first view, as file\n"
                             "managers show it (the freedesktop thumbnailer runs this)."),
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  if (argc != 3)
    {
      fprintf (stderr, _("hairline thumbnail: expected one DESIGN and one OUT.png\n"));
      fprintf (stderr, _("Run 'hairline thumbnail --help' for usage.\n"));
      return HL_EXIT_USAGE;
    }
  if (size < 16 || size > 2048)
    {
      fprintf (stderr, _("hairline thumbnail: --size must be 16–2048\n"));
      return HL_EXIT_USAGE;
    }

  name = hl_cli_input_name (argv[1]);
  design = hl_cli_load_design (argv[1]);
  if (design == NULL)
    return HL_EXIT_BAD_INPUT;

  hl_export_options_init (&export, HL_EXPORT_MOCKUP);
  export.view = 0;
  export.render.mark = NULL;
  export.render.scale = 1.0;
  export.crop_to_head = TRUE;
  export.allow_empty = TRUE;

  /* Rendered in a private folder, then copied: the thumbnailer's output
   * name need not end in .png, and may be a file it made for us. */
  target = hl_cli_stdout_staging ("thumbnail", "thumbnail.png", &staging_dir);
  if (target == NULL)
    return HL_EXIT_BAD_INPUT;

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(HlPhoto) photo = NULL;

      if (!export.without_photo)
        {
          photo = hl_export_load_view_photo (design, 0, hl_cli_design_path (argv[1]), NULL, NULL, NULL, &error);
          if (photo == NULL)
            {
              /* No photo to be had: the plain background. */
              g_clear_error (&error);
              export.without_photo = TRUE;
            }
        }
      export.photo = photo;
      /* On the plain background the dots alone are a faint haze at this
       * size: the hairline says what the design is. */
      export.render.overlays = export.without_photo ? HL_OVERLAY_HAIRLINE : HL_OVERLAY_NONE;
      export.render.scale = 1.0;
      hl_export_mockup_size (design, photo, &export, &width, &height);
      if (width > 0 && height > 0)
        export.render.scale = CLAMP ((double) size / MAX (width, height), 0.05, 16.0);

      if (hl_export_write (design, hl_cli_design_path (argv[1]), target, &export, NULL, NULL, NULL, NULL, &error))
        break;
      export.photo = NULL;
      if (attempt == 0 && !export.without_photo &&
          (g_error_matches (error, HL_ERROR, HL_ERROR_PHOTO) ||
           g_error_matches (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_OFF_PHOTO)))
        {
          g_clear_error (&error);
          export.without_photo = TRUE;
          continue;
        }
      g_rmdir (staging_dir);
      fprintf (stderr, "%s: %s\n", name, error->message);
      return HL_EXIT_BAD_INPUT;
    }

  if (!g_file_get_contents (target, &png, &length, &error) ||
      !g_file_set_contents (argv[2], png, (gssize) length, &error))
    {
      g_unlink (target);
      g_rmdir (staging_dir);
      fprintf (stderr, "hairline thumbnail: %s\n", error->message);
      return HL_EXIT_BAD_INPUT;
    }
  g_unlink (target);
  g_rmdir (staging_dir);
  return HL_EXIT_OK;
}
