/* hl-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-atomic-file.h"
#include "hl-error.h"
#include "hl-export.h"
#include "hl-head-zones.h"
#include "hl-head-model.h"
#include "hl-png-writer.h"
#include "hl-report.h"
#include "hl-stippler.h"

/* Output pixels above which a mockup is refused before drawing. */
#define MAX_OUTPUT_PIXELS 250e6

G_DEFINE_QUARK (hl-export-error-quark, hl_export_error)

/* Extensions a user may have typed for an image or a document, replaced
 * rather than kept in front of the right one. */
static const char * const known_extensions[] = {
  ".png", ".pdf", ".jpg", ".jpeg", ".jpe", ".webp", ".gif", ".tif", ".tiff", ".bmp",
  ".svg", ".ps", ".eps", ".json", ".csv", ".txt", NULL
};

void
hl_export_options_init (HlExportOptions *options,
                        HlExportKind     kind)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->kind = kind;
  hl_render_options_init (&options->render);
}

const char *
hl_export_kind_extension (HlExportKind kind)
{
  return kind == HL_EXPORT_SHEET ? ".pdf" : ".png";
}

gboolean
hl_export_has_extension (HlExportKind  kind,
                         const char   *path)
{
  const char *ext = hl_export_kind_extension (kind);
  gsize n, e = strlen (ext);

  g_return_val_if_fail (path != NULL, FALSE);

  n = strlen (path);
  return n > e && g_ascii_strcasecmp (path + n - e, ext) == 0 && path[n - e - 1] != '/';
}

char *
hl_export_fix_extension (HlExportKind  kind,
                         const char   *path)
{
  const char *base;
  const char *dot;

  g_return_val_if_fail (path != NULL, NULL);

  if (hl_export_has_extension (kind, path))
    return g_strdup (path);

  base = strrchr (path, '/');
  base = base != NULL ? base + 1 : path;
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    for (guint i = 0; known_extensions[i] != NULL; i++)
      if (g_ascii_strcasecmp (dot, known_extensions[i]) == 0)
        {
          g_autofree char *stem = g_strndup (path, dot - path);

          return g_strconcat (stem, hl_export_kind_extension (kind), NULL);
        }

  return g_strconcat (path, hl_export_kind_extension (kind), NULL);
}

static gboolean
view_has_design (const HlView *view)
{
  return hl_view_get_n_zones (view) > 0 || (view->edits != NULL && view->edits->len > 0);
}

gboolean
hl_export_has_design (const HlDesign *design,
                      HlExportKind    kind,
                      guint           view)
{
  g_return_val_if_fail (design != NULL, FALSE);

  if (kind == HL_EXPORT_MOCKUP)
    return view < hl_design_get_n_views (design) &&
           view_has_design (hl_design_get_view (design, view));

  for (guint i = 0; i < hl_design_get_n_views (design); i++)
    if (view_has_design (hl_design_get_view (design, i)))
      return TRUE;
  return FALSE;
}

HlRect
hl_export_head_crop (const HlView  *view,
                     const HlPhoto *photo,
                     double         margin)
{
  HlRect r = hl_rect_from_points (NULL, 0);
  int w, h;

  g_return_val_if_fail (view != NULL, r);

  if (view->hairline != NULL)
    r = hl_rect_union (r, hl_curve_bounds (view->hairline));
  /* The head: where pigment may go. Every dot lies inside, so the zones
   * add nothing, and the frame stays the same whatever is designed. */
  if (hl_view_get_scalp_outline (view) != NULL)
    {
      r = hl_rect_union (r, hl_curve_bounds (hl_view_get_scalp_outline (view)));
      /* With a head model, the cranium's sides and top too (the top
       * view's outline leaves the forehead out; the picture should not),
       * but not below the outline: the face stays out of a front view. */
      if (view->has_head)
        {
          g_autoptr(GArray) silhouette = hl_head_model_silhouette (&view->head, &view->pose, 64, 0.0);
          HlRect head = hl_rect_from_points ((const HlPoint *) (gconstpointer) silhouette->data, silhouette->len);

          r.x0 = MIN (r.x0, head.x0);
          r.x1 = MAX (r.x1, head.x1);
          r.y0 = MIN (r.y0, head.y0);
        }
    }
  else
    for (guint z = 0; z < hl_view_get_n_zones (view); z++)
      r = hl_rect_union (r, hl_curve_bounds (hl_view_get_zone (view, z)->boundary));
  if (view->edits != NULL && hl_view_get_scalp_outline (view) == NULL)
    for (guint i = 0; i < view->edits->len; i++)
      {
        const HlDotEdit *edit = &g_array_index (view->edits, HlDotEdit, i);

        if (edit->kind == HL_EDIT_ADD)
          r = hl_rect_union (r, hl_rect_from_points (&edit->p, 1));
      }
  if (hl_rect_is_empty (r))
    return r;

  r = hl_rect_inflate (r, MAX (margin, 0.0) * MAX (r.x1 - r.x0, r.y1 - r.y0));
  hl_render_view_size (photo, view, &w, &h);
  r.x0 = floor (MAX (r.x0, 0.0));
  r.y0 = floor (MAX (r.y0, 0.0));
  r.x1 = ceil (MIN (r.x1, (double) w));
  r.y1 = ceil (MIN (r.y1, (double) h));
  /* A design wholly off the view keeps the whole view. */
  if (!(r.x1 > r.x0 && r.y1 > r.y0))
    return hl_rect_from_points (NULL, 0);
  return r;
}

double
hl_export_fresh_dot_mm (const HlView *view,
                        const HlDot  *dots,
                        gsize         n_dots)
{
  double sum = 0.0;
  guint n = 0;

  g_return_val_if_fail (view != NULL, 0.0);
  g_return_val_if_fail (dots != NULL || n_dots == 0, 0.0);

  if (n_dots > 0)
    {
      for (gsize i = 0; i < n_dots; i++)
        sum += dots[i].diameter_mm;
      return sum / n_dots;
    }

  for (guint z = 0; z < hl_view_get_n_zones (view); z++, n++)
    sum += hl_view_get_zone (view, z)->params.dot_mm;
  if (view->edits != NULL)
    for (guint i = 0; i < view->edits->len; i++)
      {
        const HlDotEdit *edit = &g_array_index (view->edits, HlDotEdit, i);

        if (edit->kind == HL_EDIT_ADD)
          {
            sum += edit->diameter_mm;
            n++;
          }
      }
  return n > 0 ? sum / n : 0.0;
}

double
hl_export_pick_scale (const HlView *view,
                      double        dot_mm,
                      int           width,
                      int           height,
                      int           panels,
                      double        preferred)
{
  double dot_px, scale, fit;

  g_return_val_if_fail (view != NULL, preferred);

  dot_px = dot_mm / hl_view_get_mm_per_px (view, NULL);
  if (!(dot_px > 0.0) || !(dot_px * preferred < 1.0))
    return preferred;

  scale = ceil (2.0 * 1.25 / dot_px) / 2.0;
  fit = sqrt (100e6 / ((double) MAX (width, 1) * MAX (height, 1) * MAX (panels, 1)));
  scale = MIN (scale, MIN (16.0, floor (2.0 * fit) / 2.0));
  return MAX (scale, preferred);
}

/* The part of the view a mockup shows, in image px (empty: all). */
static HlRect
mockup_crop (const HlView          *view,
             const HlPhoto         *photo,
             const HlExportOptions *options)
{
  if (options->crop_to_head)
    {
      HlRect crop = hl_export_head_crop (view, photo, HL_EXPORT_CROP_MARGIN);

      if (!hl_rect_is_empty (crop))
        return crop;
    }
  return options->render.crop;
}

/* The size of one panel of a mockup in image px, cropped. */
static void
panel_size (const HlView  *view,
            const HlPhoto *photo,
            HlRect         crop,
            int           *w,
            int           *h)
{
  hl_render_view_size (photo, view, w, h);
  if (!hl_rect_is_empty (crop))
    {
      *w = (int) ceil (crop.x1 - floor (crop.x0));
      *h = (int) ceil (crop.y1 - floor (crop.y0));
    }
}

void
hl_export_mockup_size (const HlDesign        *design,
                       const HlPhoto         *photo,
                       const HlExportOptions *options,
                       int                   *width,
                       int                   *height)
{
  const HlView *view;
  double scale;
  int w, h;

  g_return_if_fail (design != NULL && options != NULL);
  g_return_if_fail (options->view < hl_design_get_n_views (design));

  view = hl_design_get_view (design, options->view);
  panel_size (view, photo, mockup_crop (view, photo, options), &w, &h);
  scale = options->render.scale;
  w = MAX (1, (int) ceil (w * scale));
  h = MAX (1, (int) ceil (h * scale));
  /* As hl_render_export() lays the halves out, with a gap between them. */
  if (options->render.layout == HL_LAYOUT_BEFORE_AFTER)
    w = 2 * w + MAX (2, w / 100);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static void
say (HlExportNoteFunc  note,
     gpointer          user_data,
     const char       *format,
     ...) G_GNUC_PRINTF (3, 4);

static void
say (HlExportNoteFunc  note,
     gpointer          user_data,
     const char       *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (note == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  note (message, user_data);
}

static void
step (HlExportProgressFunc  progress,
      gpointer              user_data,
      double                fraction,
      const char           *what)
{
  if (progress != NULL)
    progress (fraction, what, user_data);
}

/* The hairline and zones of view @index against a photo of @width ×
 * @height px: an error when none of them is on it, a note when part is
 * off it. */
static gboolean
check_on_photo (const HlView      *view,
                guint              index,
                int                width,
                int                height,
                HlExportNoteFunc   note,
                gpointer           user_data,
                GError           **error)
{
  HlRect image = { 0, 0, width, height };
  HlRect drawn = hl_rect_from_points (NULL, 0);

  if (view->hairline != NULL)
    drawn = hl_rect_union (drawn, hl_curve_bounds (view->hairline));
  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    drawn = hl_rect_union (drawn, hl_curve_bounds (hl_view_get_zone (view, z)->boundary));
  if (hl_rect_is_empty (drawn))
    return TRUE;

  if (!hl_rect_intersects (drawn, image))
    {
      g_set_error (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_OFF_PHOTO,
                   _("views[%u]: the hairline and zones lie outside the photo (%d × %d px); "
                   "the output would show nothing of the design"), index, width, height);
      return FALSE;
    }
  if (drawn.x0 < image.x0 || drawn.y0 < image.y0 || drawn.x1 > image.x1 || drawn.y1 > image.y1)
    say (note, user_data, _("views[%u]: part of the hairline or zones lies outside the photo (%d × %d px)"),
         index, width, height);
  return TRUE;
}

HlPhoto *
hl_export_load_view_photo (const HlDesign   *design,
                           guint             index,
                           const char       *design_path,
                           HlPhoto          *loaded,
                           HlExportNoteFunc  note,
                           gpointer          user_data,
                           GError          **error)
{
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(GError) warning = NULL;
  const HlView *view;

  g_return_val_if_fail (design != NULL, NULL);
  g_return_val_if_fail (index < hl_design_get_n_views (design), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  view = hl_design_get_view (design, index);
  if (loaded != NULL)
    {
      photo = hl_photo_ref (loaded);
      if (!hl_photo_matches (photo, &view->photo, &warning))
        {
          g_autofree char *where = view->photo.chart != NULL
                                   ? g_strdup_printf ("views[%u].photo.chart: %s", index, view->photo.chart)
                                   : g_strdup_printf ("views[%u].photo", index);

          if (view->photo.path != NULL)
            {
              g_autofree char *path = design_path != NULL ? hl_photo_resolve_path (design_path, view->photo.path)
                                                          : g_strdup (view->photo.path);

              g_free (where);
              where = g_strdup_printf ("views[%u].photo.path: %s", index, path);
            }

          say (note, user_data, "%s: %s", where, warning->message);
        }
    }
  else
    {
      /* Messages start with views[N].photo.path. */
      photo = hl_design_load_view_photo (design, index, design_path, &warning, error);
      if (photo == NULL)
        return NULL;
      if (warning != NULL)
        say (note, user_data, "%s", warning->message);
    }

  if (!check_on_photo (view, index, hl_photo_get_width (photo), hl_photo_get_height (photo),
                       note, user_data, error))
    return NULL;
  return g_steal_pointer (&photo);
}

static gboolean
set_empty_error (const HlDesign  *design,
                 const HlExportOptions *options,
                 GError         **error)
{
  if (options->kind == HL_EXPORT_SHEET)
    g_set_error (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_EMPTY,
                 _("nothing to simulate: no view has a zone or a dot, so every \"after\" "
                 "would be the same as its \"before\""));
  else
    g_set_error (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_EMPTY,
                 _("views[%u] (\"%s\"): nothing to simulate: no zone gives a dot, so the "
                 "\"after\" would be the same as the \"before\""),
                 options->view, hl_design_get_view (design, options->view)->name);
  return FALSE;
}

static gboolean
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* The scale for a mockup whose scale is HL_EXPORT_SCALE_AUTO, by
 * hl_export_pick_scale() from scale 1, said through @note when it is not 1. */
static double
auto_scale (const HlView     *view,
            const HlDot      *dots,
            guint             n_dots,
            int               width,
            int               height,
            int               panels,
            HlExportNoteFunc  note,
            gpointer          user_data)
{
  double dot_px, scale;

  if (n_dots == 0)
    return 1.0;
  scale = hl_export_pick_scale (view, hl_export_fresh_dot_mm (view, dots, n_dots),
                                width, height, panels, 1.0);
  if (scale == 1.0)
    return scale;
  dot_px = hl_export_fresh_dot_mm (view, dots, n_dots) / hl_view_get_mm_per_px (view, NULL);
  say (note, user_data, _("fresh dots would be %.2f px at scale 1; rendering at scale %g (%d × %d per image, "
       "dots %.1f px). --scale chooses another."),
       dot_px, scale, (int) ceil (width * scale), (int) ceil (height * scale), dot_px * scale);
  return scale;
}

/* Where the rows of a mockup go, band by band. */
typedef struct
{
  HlPngStream          *stream;      /* NULL once it failed (and was freed) */
  int                   height;
  HlExportProgressFunc  progress;
  gpointer              user_data;
  GCancellable         *cancellable;
  GError              **error;
} RowSink;

static gboolean
write_rows (const guint8 *data,
            int           stride,
            int           row0,
            int           n_rows,
            gpointer      user_data)
{
  RowSink *sink = user_data;

  /* Progress and Stop once a band: a few hundred rows. */
  step (sink->progress, sink->user_data, 0.45 + 0.5 * row0 / sink->height, _("Writing the PNG file"));
  if (!hl_png_stream_write_rows (sink->stream, data, stride, n_rows, sink->error))
    {
      sink->stream = NULL;
      return FALSE;
    }
  if (g_cancellable_is_cancelled (sink->cancellable))
    return FALSE;
  return TRUE;
}

static gboolean
write_mockup (const HlDesign        *design,
              const char            *design_path,
              const char            *target,
              const HlExportOptions *options,
              HlExportNoteFunc       note,
              HlExportProgressFunc   progress,
              gpointer               user_data,
              GCancellable          *cancellable,
              GError               **error)
{
  const HlView *view = hl_design_get_view (design, options->view);
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(GArray) dots = NULL;
  g_autofree char *description = NULL;
  HlPngOptions png = { 0 };
  HlRenderOptions render;
  RowSink sink = { NULL };
  gboolean calibrated;
  int w, h;

  step (progress, user_data, 0.05, _("Loading the photo"));
  if (options->without_photo)
    ;
  else if (options->photo == NULL && view->photo.path == NULL && view->photo.chart == NULL)
    say (note, user_data, _("view \"%s\" has no photo; rendering without it"), view->name);
  else
    {
      /* Messages start with views[N].photo.path. */
      photo = hl_export_load_view_photo (design, options->view, design_path, options->photo,
                                         note, user_data, error);
      if (photo == NULL)
        return FALSE;
    }
  if (cancelled (cancellable, error))
    return FALSE;

  step (progress, user_data, 0.2, _("Placing the dots"));
  /* The view's own dots, then those of zones on the head drawn on other
   * views that this view sees (hl-head-zones.h). */
  dots = hl_head_zones_stipple_view (design, options->view);
  if (dots->len == 0 && !options->allow_empty)
    return set_empty_error (design, options, error);
  if (cancelled (cancellable, error))
    return FALSE;

  render = options->render;
  render.crop = mockup_crop (view, photo, options);
  panel_size (view, photo, render.crop, &w, &h);
  if (render.scale == HL_EXPORT_SCALE_AUTO)
    render.scale = auto_scale (view, (const HlDot *) (gconstpointer) dots->data, dots->len, w, h,
                               render.layout == HL_LAYOUT_BEFORE_AFTER ? 2 : 1, note, user_data);
  if ((double) w * render.scale * (double) h * render.scale *
      (render.layout == HL_LAYOUT_BEFORE_AFTER ? 2 : 1) > MAX_OUTPUT_PIXELS)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("a %d × %d view at scale %g is over 250 megapixels; use a smaller scale"),
                   w, h, render.scale);
      return FALSE;
    }

  png.mm_per_px = hl_view_get_mm_per_px (view, &calibrated) / render.scale;
  if (!calibrated)
    png.mm_per_px = 0.0;
  png.level = -1;
  /* A mockup is often shown to others: who the client is stays out of
   * its metadata unless asked for. */
  description = g_strdup_printf ("%s%sSMP design — view %s, %s, %u dots. %s",
                                 options->metadata_client && design->client_label != NULL ? design->client_label : "",
                                 options->metadata_client && design->client_label != NULL ? " " : "",
                                 view->name, hl_stage_to_string (options->render.stage), dots->len,
                                 HL_SIMULATION_MARK);
  png.description = description;
  if (options->metadata_client)
    png.comment = design->notes;

  /* Drawn and encoded a band of rows at a time: the image is never whole
   * in memory (a million-dot mockup of 170 MP would take 680 MB). */
  step (progress, user_data, 0.45, _("Drawing the image"));
  hl_render_export_size (photo, view, &render, &w, &h);
  sink.stream = hl_png_stream_new (target, w, h, &png, cancellable, error);
  if (sink.stream == NULL)
    return FALSE;
  sink.height = h;
  sink.progress = progress;
  sink.user_data = user_data;
  sink.cancellable = cancellable;
  sink.error = error;
  if (!hl_render_export_rows (photo, view, (const HlDot *) (gconstpointer) dots->data, dots->len,
                              &render, 0, write_rows, &sink))
    {
      if (sink.stream == NULL)     /* the stream failed, and said why */
        return FALSE;
      hl_png_stream_abort (sink.stream);
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE, _("not enough memory for the image"));
      return FALSE;
    }
  return hl_png_stream_finish (sink.stream, error);
}

static gboolean
write_sheet (const HlDesign        *design,
             const char            *design_path,
             const char            *target,
             const HlExportOptions *options,
             HlExportNoteFunc       note,
             HlExportProgressFunc   progress,
             gpointer               user_data,
             GCancellable          *cancellable,
             GError               **error)
{
  HlReportOptions report = {
    .photos = options->without_photo ? HL_REPORT_PHOTOS_NONE : HL_REPORT_PHOTOS_REQUIRED,
    .clinic_name = options->clinic_name,
    .dots_per_minute = options->dots_per_minute,
    .view = options->view,
    .photo = options->photo,
    .note = note,
    .user_data = user_data,
  };

  /* Each view's photo is checked as the sheet draws it
   * (hl_export_load_view_photo()). */
  if (!options->allow_empty && !hl_export_has_design (design, HL_EXPORT_SHEET, 0))
    return set_empty_error (design, options, error);
  if (cancelled (cancellable, error))
    return FALSE;

  step (progress, user_data, 0.1, _("Drawing the sheet"));
  return hl_report_write_pdf_full (design, design_path, target, &report, error);
}

gboolean
hl_export_write (const HlDesign        *design,
                 const char            *design_path,
                 const char            *output,
                 const HlExportOptions *options,
                 HlExportNoteFunc       note,
                 HlExportProgressFunc   progress,
                 gpointer               user_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *target = NULL;
  gboolean ok;

  g_return_val_if_fail (design != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->kind == HL_EXPORT_MOCKUP && options->view >= hl_design_get_n_views (design))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT, _("the design has no view %u"), options->view);
      return FALSE;
    }
  if (options->kind == HL_EXPORT_MOCKUP && options->render.scale != HL_EXPORT_SCALE_AUTO &&
      !(options->render.scale >= 0.05 && options->render.scale <= 16.0))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT, _("the scale must be 0.05–16, not %g"),
                   options->render.scale);
      return FALSE;
    }

  step (progress, user_data, 0.0, _("Checking the file"));

  /* Never over the design or any of its photos. */
  if (design_path != NULL)
    g_ptr_array_add (inputs, g_strdup (design_path));
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    {
      const HlView *view = hl_design_get_view (design, v);

      if (view->photo.path != NULL)
        g_ptr_array_add (inputs, hl_photo_resolve_path (design_path, view->photo.path));
    }
  g_ptr_array_add (inputs, NULL);

  if (!hl_atomic_file_check_target (output, (const char * const *) inputs->pdata,
                                    options->follow_symlinks ? HL_ATOMIC_FILE_FOLLOW_SYMLINKS
                                                             : HL_ATOMIC_FILE_DEFAULT,
                                    &target, error))
    return FALSE;

  if (!hl_export_has_extension (options->kind, output))
    {
      g_autofree char *name = g_filename_display_basename (output);
      g_autofree char *fixed = hl_export_fix_extension (options->kind, name);

      if (options->kind == HL_EXPORT_SHEET)
        g_set_error (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_EXTENSION,
                     /* Translators: the file's name, ".pdf", and the name fixed. */
                     _("%s: a consultation sheet is written as PDF, so its name must end in %s (e.g. %s)"),
                     name, hl_export_kind_extension (options->kind), fixed);
      else
        g_set_error (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_EXTENSION,
                     /* Translators: the file's name, ".png", and the name fixed. */
                     _("%s: a mockup is written as PNG, so its name must end in %s (e.g. %s)"),
                     name, hl_export_kind_extension (options->kind), fixed);
      return FALSE;
    }

  if (cancelled (cancellable, error))
    return FALSE;

  if (options->kind == HL_EXPORT_SHEET)
    ok = write_sheet (design, design_path, target, options, note, progress, user_data, cancellable, error);
  else
    ok = write_mockup (design, design_path, target, options, note, progress, user_data, cancellable, error);

  if (ok)
    step (progress, user_data, 1.0, _("Done"));
  return ok;
}
