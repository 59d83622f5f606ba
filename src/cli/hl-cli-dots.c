/* hl-cli-dots.c: `hairline dots`, the engine's dot list for other tools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hl-atomic-file.h"
#include "hl-cli.h"
#include "hl-cli-stdio.h"
#include "hl-design-io.h"
#include "hl-head-zones.h"
#include "hl-stippler.h"

/* @v with @decimals decimals and a point whatever the locale (%.Nf would
 * write a comma under a French locale), into @buf. */
static const char *
format_fixed (char   buf[G_ASCII_DTOSTR_BUF_SIZE],
              int    decimals,
              double v)
{
  char format[8];

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, format, v);
}

/* Appends @v with @decimals decimals, as printf ("%.*f") writes it: a
 * float times 10^3 or 10^4 is exact in a double, and rint() rounds its
 * ties to even as printf does. Returns the end of what was written. */
static char *
put_fixed (char  *at,
           float  v,
           int    decimals)
{
  double scaled = rint (fabs ((double) v) * (decimals == 3 ? 1e3 : 1e4));
  guint64 digits, unit = decimals == 3 ? 1000 : 10000;
  char tmp[24];
  int n = 0;

  if (!(scaled < 1e15))
    {                                                 /* inf, nan, huge */
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      const char *text = format_fixed (buf, decimals, v);
      size_t len = strlen (text);

      memcpy (at, text, len);
      return at + len;
    }
  if (signbit (v))
    *at++ = '-';
  digits = (guint64) scaled;
  for (int k = 0; k < decimals; k++, digits /= 10)
    tmp[n++] = (char) ('0' + digits % 10);
  tmp[n++] = '.';
  digits = (guint64) scaled / unit;
  do
    {
      tmp[n++] = (char) ('0' + digits % 10);
      digits /= 10;
    }
  while (digits > 0);
  while (n > 0)
    *at++ = tmp[--n];
  return at;
}

static char *
put_uint (char  *at,
          guint  v)
{
  char tmp[16];
  int n = 0;

  do
    {
      tmp[n++] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v > 0);
  while (n > 0)
    *at++ = tmp[--n];
  return at;
}

/* The scalp point (mm, the head model's frame) under dot @d of @view;
 * FALSE where the ray misses the cranium (the nape seen from behind). */
static gboolean
scalp_point (const HlView *view,
             const HlDot  *d,
             double        x[3])
{
  return hl_head_model_image_to_scalp (&view->head, &view->pose, (HlPoint) { d->x, d->y }, x);
}

/* TRUE when some of @dots were carried from another view's zone on the
 * head (hl-head-zones.h). */
static gboolean
any_carried (const HlDot *dots,
             gsize        n)
{
  for (gsize i = 0; i < n; i++)
    if (hl_dot_zone_is_carried (dots[i].zone))
      return TRUE;
  return FALSE;
}

/* Writes every row as fprintf ("%.3f,%.3f,%.4f,%s,%u,%s\n") would, without
 * its per-call cost (that was as much as computing the dots). With @scalp
 * (a view with a head model), three more columns: the dot's point on the
 * scalp in mm, empty off the cranium. When the view shows zones on the
 * head drawn on other views, a last column home_view: the index of the
 * view a carried dot's zone is drawn on (its zone column is the zone's
 * index there), empty for the view's own dots. */
static void
write_csv (FILE         *out,
           const HlDot  *dots,
           gsize         n,
           const HlView *scalp)
{
  static const char hex[] = "0123456789abcdef";
  gboolean carried = any_carried (dots, n);

  fputs (scalp != NULL ? "x,y,diameter_mm,shade,session,zone,scalp_x_mm,scalp_y_mm,scalp_z_mm"
                       : "x,y,diameter_mm,shade,session,zone", out);
  fputs (carried ? ",home_view\n" : "\n", out);
  for (gsize i = 0; i < n; i++)
    {
      char line[160];
      char *at = line;

      at = put_fixed (at, dots[i].x, 3);
      *at++ = ',';
      at = put_fixed (at, dots[i].y, 3);
      *at++ = ',';
      at = put_fixed (at, dots[i].diameter_mm, 4);
      *at++ = ',';
      *at++ = '#';
      {
        const guint8 rgb[3] = { dots[i].shade.r, dots[i].shade.g, dots[i].shade.b };

        for (guint k = 0; k < 3; k++)
          {
            *at++ = hex[rgb[k] >> 4];
            *at++ = hex[rgb[k] & 15];
          }
      }
      *at++ = ',';
      at = put_uint (at, dots[i].session + 1u);
      *at++ = ',';
      if (dots[i].zone == HL_DOT_MANUAL)
        {
          memcpy (at, "manual", 6);
          at += 6;
        }
      else if (hl_dot_zone_is_carried (dots[i].zone))
        at = put_uint (at, hl_dot_carried_home_zone (dots[i].zone));
      else
        at = put_uint (at, dots[i].zone);
      if (scalp != NULL)
        {
          double x[3];
          gboolean hit = scalp_point (scalp, &dots[i], x);

          for (guint k = 0; k < 3; k++)
            {
              *at++ = ',';
              if (hit)
                at = put_fixed (at, (float) x[k], 3);
            }
        }
      if (carried)
        {
          *at++ = ',';
          if (hl_dot_zone_is_carried (dots[i].zone))
            at = put_uint (at, hl_dot_carried_home_view (dots[i].zone));
        }
      *at++ = '\n';
      fwrite (line, 1, (gsize) (at - line), out);
    }
}

static void
write_json (FILE         *out,
            const HlDot  *dots,
            gsize         n,
            const HlView *scalp)
{
  /* Written by hand, not through a cJSON tree: a million dots would cost
   * hundreds of MB as a tree. */
  fputs ("[\n", out);
  for (gsize i = 0; i < n; i++)
    {
      char shade[8];
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE];

      fprintf (out, "  {\"x\": %s, \"y\": %s, \"diameter_mm\": %s, \"shade\": \"%s\", \"session\": %u, ",
               format_fixed (x, 3, dots[i].x), format_fixed (y, 3, dots[i].y),
               format_fixed (d, 4, dots[i].diameter_mm),
               hl_color_format (dots[i].shade, shade), dots[i].session + 1u);
      if (dots[i].zone == HL_DOT_MANUAL)
        fputs ("\"zone\": null", out);
      else if (hl_dot_zone_is_carried (dots[i].zone))
        fprintf (out, "\"zone\": %u, \"home_view\": %u", hl_dot_carried_home_zone (dots[i].zone),
                 hl_dot_carried_home_view (dots[i].zone));
      else
        fprintf (out, "\"zone\": %u", dots[i].zone);
      if (scalp != NULL)
        {
          double p[3];

          if (scalp_point (scalp, &dots[i], p))
            {
              char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];

              fprintf (out, ", \"scalp_mm\": [%s, %s, %s]", format_fixed (a, 3, p[0]),
                       format_fixed (b, 3, p[1]), format_fixed (c, 3, p[2]));
            }
          else
            fputs (", \"scalp_mm\": null", out);
        }
      fputc ('}', out);
      fputs (i + 1 < n ? ",\n" : "\n", out);
    }
  fputs ("]\n", out);
}

int
hl_cli_dots (int    argc,
             char **argv)
{
  g_autofree char *view_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *target = NULL;
  g_autofree char *coords = NULL;
  gboolean follow_symlinks = FALSE;
  GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, N_("View by name or index (default: the first)"), N_("NAME|N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv (default) or json"), N_("FORMAT") },
    { "coords", 0, 0, G_OPTION_ARG_STRING, &coords,
      N_("image (default), or scalp: also each dot's point on the head model in mm"), N_("COORDS") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output (-: standard output)"), N_("FILE") },
    { "follow-symlinks", 0, 0, G_OPTION_ARG_NONE, &follow_symlinks, N_("If FILE is a symbolic link, replace the file it points to"), NULL },
    { NULL }
  };
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(GArray) dots = NULL;
  g_autoptr(GError) error = NULL;
  HlAtomicFile *file = NULL;
  gboolean json;
  int index = 0;
  FILE *out = stdout;

  if (!hl_cli_parse_options ("dots", _("DESIGN"),
                             _("Write the dots of one view as CSV (x,y,diameter_mm,shade,session,zone)\n"
                             "or JSON. x, y are image pixels of the view; sessions count from 1;\n"
                             "zone is the zone's index, or manual for hand-placed dots.\n"
                             "With --coords scalp, also each dot's point on the head model's scalp\n"
                             "(scalp_x_mm, scalp_y_mm, scalp_z_mm: x toward the client's left, y to\n"
                             "the front, z up, from the cranium's centre; empty off the cranium).\n"
                             "DESIGN - reads the design from standard input."),
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  if (argc != 2)
    {
      fprintf (stderr, _("hairline dots: expected one DESIGN file\n"));
      fprintf (stderr, _("Run 'hairline dots --help' for usage.\n"));
      return HL_EXIT_USAGE;
    }

  if (format != NULL && g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "json") != 0)
    {
      fprintf (stderr, _("hairline dots: --format must be csv or json, not '%s'\n"), format);
      return HL_EXIT_USAGE;
    }
  json = g_strcmp0 (format, "json") == 0;
  if (coords != NULL && g_strcmp0 (coords, "image") != 0 && g_strcmp0 (coords, "scalp") != 0)
    {
      fprintf (stderr, _("hairline dots: --coords must be image or scalp, not '%s'\n"), coords);
      return HL_EXIT_USAGE;
    }

  /* What killed runs left beside the output goes first. */
  if (hl_cli_is_stdio (output))
    g_clear_pointer (&output, g_free);
  if (output != NULL)
    hl_cli_sweep_output_dir (output);

  design = hl_cli_load_design (argv[1]);
  if (design == NULL)
    return HL_EXIT_BAD_INPUT;

  if (view_name != NULL)
    {
      index = hl_design_find_view (design, view_name);
      if (index < 0)
        {
          fprintf (stderr, _("%s: no view named '%s'\n"), hl_cli_input_name (argv[1]), view_name);
          return HL_EXIT_BAD_INPUT;
        }
    }

  if (g_strcmp0 (coords, "scalp") == 0 && !hl_design_get_view (design, (guint) index)->has_head)
    {
      const HlView *view = hl_design_get_view (design, (guint) index);

      fprintf (stderr, _("%s: view '%s' has no head model (%s): its dots have no scalp coordinates\n"),
               hl_cli_input_name (argv[1]), view->name,
               view->head_reason != NULL ? view->head_reason : _("measured in the photo plane"));
      return HL_EXIT_BAD_INPUT;
    }

  if (output != NULL)
    {
      target = hl_cli_check_output ("dots", output, hl_cli_design_path (argv[1]), design, follow_symlinks);
      if (target == NULL)
        return HL_EXIT_BAD_INPUT;
    }

  /* With the dots of zones on the head that other views carry here. */
  dots = hl_head_zones_stipple_view (design, (guint) index);

  if (target != NULL)
    {
      /* A temporary file renamed over the target: a failed or killed run
       * leaves the old file whole. */
      file = hl_atomic_file_new (target, NULL, HL_ATOMIC_FILE_DEFAULT, &error);
      if (file == NULL)
        {
          fprintf (stderr, "hairline dots: %s\n", error->message);
          return HL_EXIT_BAD_INPUT;
        }
      out = hl_atomic_file_get_stream (file);
    }

  {
    const HlView *scalp = g_strcmp0 (coords, "scalp") == 0 ? hl_design_get_view (design, (guint) index) : NULL;

    if (json)
      write_json (out, (const HlDot *) (gconstpointer) dots->data, dots->len, scalp);
    else
      write_csv (out, (const HlDot *) (gconstpointer) dots->data, dots->len, scalp);
  }

  if (file != NULL)
    {
      if (!hl_atomic_file_commit (file, &error))
        {
          fprintf (stderr, "hairline dots: %s\n", error->message);
          return HL_EXIT_BAD_INPUT;
        }
    }
  /* Standard output is checked by main(), as for every command. */

  return HL_EXIT_OK;
}
