/* hl-window-tools.c: the window's tools, their options, the zone panel,
 * the calibration question and the hints for a newcomer.
 *
 * The tool in use is the stateful action win.tool (string target), bound
 * to the linked toggle buttons of the column beside the canvas and to one
 * key each. The options of some tools (ruler mode, next landmark, kind of
 * the next zone) are stateful actions too, shown in the bar under the
 * canvas; their state is the window's HlToolOptions, which every tool
 * borrows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-edit.h"
#include "hl-length-spin.h"
#include "hl-scalp-proposal.h"
#include "hl-settings.h"
#include "hl-tool-brush.h"
#include "hl-tool-eyedropper.h"
#include "hl-tool-landmark.h"
#include "hl-tool-ruler.h"
#include "hl-tool-zone.h"
#include "hl-tools.h"
#include "hl-head-fit.h"
#include "hl-window-private.h"

static const char * const ruler_modes[] = { "drag", "ipd", "iris" };

static const char *
ruler_hint (HlRulerMode mode)
{
  if (mode == HL_RULER_IPD)
    return _("Click the centre of one pupil, then the other");
  if (mode == HL_RULER_IRIS)
    return _("Click one edge of an iris, then the opposite edge");
  return _("Drag across something of known length (a ruler on the skin), then type its length");
}

static HlTool *
current_tool (HlWindow *self)
{
  return hl_canvas_get_tool (self->canvas);
}

static gboolean
tool_is (HlWindow   *self,
         const char *name)
{
  HlTool *tool = current_tool (self);

  return tool != NULL && g_str_equal (hl_tool_get_name (tool), name);
}

static const HlView *
shown_view (HlWindow *self)
{
  HlDesign *design = self->loading ? NULL : hl_document_get_design (self->document);
  guint index = hl_document_get_view_index (self->document);

  if (design == NULL || index >= hl_design_get_n_views (design))
    return NULL;
  return hl_design_get_view (design, index);
}

/* The view the bar under the canvas and the cards over it describe: the
 * one shown, also while another design opens over it (they stay as they
 * are then; emptied and filled again, wrapped labels would lay the page
 * out again in the new design's first frame). */
static const HlView *
labelled_view (HlWindow *self)
{
  HlDesign *design = hl_document_get_design (self->document);
  guint index = hl_document_get_view_index (self->document);

  if (!_hl_window_loading_over (self))
    return shown_view (self);
  if (design == NULL || index >= hl_design_get_n_views (design))
    return NULL;
  return hl_design_get_view (design, index);
}

/* The options changed: the tool in use drops what no longer fits, the
 * bar under the canvas follows. */
static void
options_changed (HlWindow *self)
{
  if (current_tool (self) != NULL)
    hl_tool_options_changed (current_tool (self));
  _hl_window_tools_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/* One step of the newcomer's list as Pango markup: dimmed and ticked
 * once done (transfer full). */
static char *
step_markup (gboolean    done,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return done ? g_strdup_printf ("<span alpha=\"55%%\">✓ %s</span>", escaped)
              : g_strdup_printf ("○ %s", escaped);
}

/* Steps a newcomer takes first, ticked as they are done. */
static void
update_hints (HlWindow     *self,
              const HlView *view)
{
  gboolean calibrated = FALSE, glabella, outline, hairline, zones;
  g_autofree char *steps = NULL;

  if (view == NULL)
    {
      gtk_widget_set_visible (self->hint_card, FALSE);
      return;
    }

  hl_view_get_mm_per_px (view, &calibrated);
  /* The glabella is a front view's: a top, back or side view (a chart, or
   * a photo view named so) does not show it. */
  glabella = view->landmarks[HL_LANDMARK_GLABELLA].set ||
             (view->photo.chart != NULL && !g_str_equal (view->photo.chart, "front")) ||
             g_ascii_strcasecmp (view->name, "top") == 0 || g_ascii_strcasecmp (view->name, "back") == 0 ||
             g_ascii_strcasecmp (view->name, "left") == 0 || g_ascii_strcasecmp (view->name, "right") == 0;
  hairline = view->hairline != NULL;
  zones = hl_view_get_n_zones (view) > 0;
  /* A head chart knows its own. */
  outline = hl_view_get_scalp_outline (view) != NULL;

  {
    g_autofree char *step1 = step_markup (calibrated, _("Calibrate: R, then drag along a ruler, or choose Pupils below and click both"));
    g_autofree char *step2 = step_markup (glabella, _("Place the glabella: L, then click between the brows"));
    g_autofree char *step3 = step_markup (outline, _("Outline the scalp: Propose Scalp Outline in the menu, or O and click around it"));
    g_autofree char *step4 = step_markup (hairline, _("Draw the hairline: H, click along it, Enter"));
    g_autofree char *step5 = step_markup (zones, _("Add a zone: Z, click around it, Enter"));

    steps = g_strdup_printf ("%s\n%s\n%s\n%s\n%s", step1, step2, step3, step4, step5);
  }
  if (g_strcmp0 (gtk_label_get_label (self->hint_steps), steps) != 0)
    gtk_label_set_markup (self->hint_steps, steps);
  gtk_widget_set_visible (self->hint_card, !(calibrated && glabella && outline && hairline && zones));
}

static void
update_scale (HlWindow     *self,
              const HlView *view)
{
  g_autofree char *text = NULL;
  gboolean calibrated = FALSE;
  double mm_per_px;

  if (view == NULL)
    {
      if (*gtk_label_get_text (self->scale_label) != '\0')
        gtk_label_set_text (self->scale_label, "");
      return;
    }

  mm_per_px = hl_view_get_mm_per_px (view, &calibrated);
  if (!calibrated)
    {
      g_autofree char *scale = hl_settings_format_per (mm_per_px, 2, "px");

      /* Translators: %s is a length per pixel, such as “0.15 mm/px”. */
      text = g_strdup_printf (_("Uncalibrated (assuming %s): press R to calibrate"), scale);
    }
  else
    {
      g_autofree char *scale = hl_settings_format_per (mm_per_px, 3, "px");
      const char *source;

      switch (view->calibration.source)
        {
        /* Translators: how the calibration was measured, shown after the
         * scale in the status bar. */
        case HL_CALIBRATION_RULER: source = C_("calibration source", "ruler"); break;
        case HL_CALIBRATION_IRIS: source = C_("calibration source", "iris"); break;
        case HL_CALIBRATION_IPD: source = C_("calibration source", "pupils"); break;
        case HL_CALIBRATION_MANUAL: source = C_("calibration source", "typed in"); break;
        case HL_CALIBRATION_NONE:
        default: source = C_("calibration source", "unknown"); break;
        }
      /* Translators: the scale (“0.123 mm/px”), how it was measured
       * (“ruler”) and its uncertainty in percent. */
      text = g_strdup_printf (_("%s · %s ±%.0f %%"), scale, source,
                              view->calibration.uncertainty * 100.0);
    }
  /* What areas and densities are measured on: the head model's scalp, or
   * the photo's plane (the tooltip says why). */
  {
    g_autoptr(GError) why = NULL;
    HlHeadModel model;
    HlHeadPose pose;
    const char *tooltip;
    char *with_basis = g_strconcat (text, " · ", view->has_head ? _("on the scalp") : _("photo plane"), NULL);

    g_free (text);
    text = with_basis;
    if (view->has_head)
      tooltip = _("Areas and densities are measured on the scalp of the head model");
    else if (view->head_reason != NULL)
      tooltip = view->head_reason;
    else if (!hl_head_fit_view (view, &model, &pose, &why))
      tooltip = why->message;
    else
      tooltip = _("Areas and densities are measured in the photo's plane: the head model "
                  "is not fitted to this view");
    /* Set only when it changed: setting a tooltip, even the same one,
     * lays the whole window out again, at every step of a drag. */
    if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->scale_label)), tooltip) != 0)
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->scale_label), tooltip);
  }
  if (g_strcmp0 (gtk_label_get_text (self->scale_label), text) != 0)
    gtk_label_set_text (self->scale_label, text);
}

/* The ruler's modes name the length they assume (“Pupils · 63 mm”), in
 * the unit of the preferences. */
static void
update_ruler_labels (HlWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->options_stack, "ruler");

  for (GtkWidget *child = page != NULL ? gtk_widget_get_first_child (page) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GVariant *target = GTK_IS_ACTIONABLE (child) ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child))
                                                   : NULL;
      g_autofree char *length = NULL, *label = NULL;

      if (target == NULL || !g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
        continue;
      if (g_str_equal (g_variant_get_string (target, NULL), "ipd"))
        {
          length = hl_settings_format_length (HL_IPD_MM, 0);
          /* Translators: the ruler mode that clicks both pupils; %s is
           * the distance it assumes, “63 mm”. */
          label = g_strdup_printf (_("Pupils · %s"), length);
        }
      else if (g_str_equal (g_variant_get_string (target, NULL), "iris"))
        {
          length = hl_settings_format_length (HL_IRIS_MM, 1);
          /* Translators: the ruler mode that clicks both edges of an
           * iris; %s is the diameter it assumes, “11.7 mm”. */
          label = g_strdup_printf (_("Iris · %s"), length);
        }
      if (label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) != 0)
        gtk_button_set_label (GTK_BUTTON (child), label);
    }
}

void
_hl_window_tools_update (HlWindow *self)
{
  const HlView *view = shown_view (self);
  const HlView *labelled = labelled_view (self);
  const char *hint = NULL;
  HlLandmark landmark;

  update_hints (self, labelled);
  update_scale (self, labelled);
  update_ruler_labels (self);

  _hl_window_engine_update (self);

  {
    const HlToolInfo *info = hl_tools_lookup (self->tool);

    hint = info != NULL && info->hint != NULL ? _(info->hint) : NULL;
  }
  if (g_str_equal (self->tool, "ruler"))
    hint = ruler_hint (self->tool_options.ruler_mode);
  if (g_str_equal (self->tool, "eyedropper") && self->tool_options.target_session >= 0)
    hint = _("Click the photo to take the selected session's shade");
  if (g_strcmp0 (gtk_label_get_text (self->tool_hint), hint != NULL ? hint : "") != 0)
    gtk_label_set_text (self->tool_hint, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->tool_hint), labelled != NULL && hint != NULL);

  if (g_str_equal (self->tool, "ruler") || g_str_equal (self->tool, "landmark") ||
      g_str_equal (self->tool, "zone"))
    gtk_stack_set_visible_child_name (self->options_stack, self->tool);
  else
    gtk_stack_set_visible_child_name (self->options_stack, "none");

  /* A menu button makes its child anew on every new label. */
  landmark = self->tool_options.landmark;
  if (g_strcmp0 (gtk_menu_button_get_label (self->landmark_button), hl_landmark_get_title (landmark)) != 0)
    gtk_menu_button_set_label (self->landmark_button, hl_landmark_get_title (landmark));
  {
    g_autofree char *label = g_strdup_printf (_("New zone: %s"),
                                              hl_zone_kind_get_label (self->tool_options.zone_kind));

    if (g_strcmp0 (gtk_menu_button_get_label (self->zone_kind_button), label) != 0)
      gtk_menu_button_set_label (self->zone_kind_button, label);
  }

  _hl_window_set_action_enabled (self, "win.frontal-band",
                                 view != NULL && view->hairline != NULL);
  _hl_window_set_action_enabled (self, "win.propose-outline", view != NULL);
  {
    int zone = hl_document_get_selected_zone (self->document);

    _hl_window_set_action_enabled (self, "win.mirror-zone",
                                   view != NULL && zone >= 0 && (guint) zone < hl_view_get_n_zones (view));
  }
  _hl_window_set_action_enabled (self, "win.remove-outline",
                                 view != NULL && view->scalp_outline != NULL);
  /* Tools and their options need a design to work on. */
  _hl_window_set_action_enabled (self, "win.tool", view != NULL);
  _hl_window_set_action_enabled (self, "win.ruler-mode", view != NULL);
  _hl_window_set_action_enabled (self, "win.landmark", view != NULL);
  _hl_window_set_action_enabled (self, "win.zone-kind", view != NULL);
  _hl_window_set_action_enabled (self, "win.show-panel", view != NULL);
}

/* The calibration question */

static void
on_disagree_response (AdwMessageDialog *dialog,
                      const char       *response,
                      HlWindow         *self)
{
  /* The new calibration is the last undo step: keeping the earlier one
   * undoes it. */
  if (g_strcmp0 (response, "keep") == 0)
    hl_document_undo (self->document);
}

/* Two calibrations of one view that differ by more than their
 * uncertainties allow: one is off (a tilted head, a squint, the wrong
 * landmark). The new one is in place; the practitioner chooses. */
static void
check_disagreement (HlWindow            *self,
                    const HlCalibration *before,
                    const HlCalibration *after)
{
  GtkWidget *dialog;
  double differ;
  g_autofree char *body = NULL, *after_scale = NULL, *before_scale = NULL;

  if (before->source == HL_CALIBRATION_NONE || after->source == HL_CALIBRATION_NONE ||
      !(before->mm_per_px > 0.0) || !(after->mm_per_px > 0.0))
    return;
  differ = fabs (after->mm_per_px / before->mm_per_px - 1.0);
  if (differ <= before->uncertainty + after->uncertainty)
    return;

  /* The scales in the unit of the preferences (“0.150 mm/px”). */
  after_scale = hl_settings_format_per (after->mm_per_px, 3, "px");
  before_scale = hl_settings_format_per (before->mm_per_px, 3, "px");
  /* Translators: the two calibrations' sources, their scales (“0.150
   * mm/px”) and uncertainties, and how far apart they are. */
  body = g_strdup_printf (_("The new calibration (%s) gives %s (±%.0f %%), the earlier one (%s) "
                            "%s (±%.0f %%): they differ by %.0f %%, "
                            "more than their uncertainties allow. One of them is off: a tilted head, a squint or a "
                            "misplaced point. Which should the design use?"),
                          hl_calibration_source_get_label (after->source), after_scale, 100.0 * after->uncertainty,
                          hl_calibration_source_get_label (before->source), before_scale,
                          100.0 * before->uncertainty, 100.0 * differ);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Calibrations Disagree"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep the Earlier One"),
                                    "use", _("_Use the New One"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "use");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "use");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_disagree_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_length_apply (GtkWidget *button,
                 HlWindow  *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (self->length_popover), "hl-spin");
  HlTool *tool = current_tool (self);
  g_autoptr(GError) error = NULL;

  gtk_spin_button_update (spin);
  if (tool != NULL && tool_is (self, "ruler"))
    {
      const HlView *view = shown_view (self);
      HlCalibration before = view != NULL ? view->calibration : (HlCalibration) { 0 };

      if (!hl_tool_ruler_apply (tool, hl_length_spin_get_mm (spin), &error))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      else if ((view = shown_view (self)) != NULL)
        check_disagreement (self, &before, &view->calibration);
      hl_document_show (self->document, NULL);
    }
  gtk_popover_popdown (GTK_POPOVER (self->length_popover));
}

static gboolean
unparent_idle (gpointer data)
{
  GtkWidget *popover = data;   /* the window's reference */

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

static void
on_length_closed (GtkPopover *popover,
                  HlWindow   *self)
{
  HlTool *tool = current_tool (self);

  /* Closed without an answer: the measured segment is dropped. */
  if (tool != NULL && tool_is (self, "ruler"))
    hl_tool_ruler_cancel_segment (tool);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
  self->length_popover = NULL;
  /* Unparent once GTK is done with the popover's closing. */
  g_idle_add (unparent_idle, popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* The ruler measured a segment: ask its length in a popover at its end,
 * the entry focused with the suggested value; Enter accepts. */
static void
ask_length (HlWindow *self)
{
  HlTool *tool = current_tool (self);
  GtkWidget *popover, *box, *label, *spin, *buttons, *cancel, *apply;
  g_autofree char *question = NULL;
  HlPoint a, b, at;

  if (tool == NULL || !hl_tool_ruler_get_segment (tool, &a, &b))
    return;
  if (self->length_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->length_popover));

  /* Asked in the unit of the preferences; the ruler takes millimetres. */
  spin = hl_length_spin_new (0.1, HL_RULER_MAX_MM, 0.5, 1, hl_tool_ruler_get_suggested_mm (tool));
  switch (hl_tool_ruler_get_mode (tool))
    {
    /* Translators: %s is a unit, “millimetres” or “inches”. */
    case HL_RULER_IPD: question = g_strdup_printf (_("Distance between the pupils, in %s"),
                                                   hl_length_spin_get_unit_name (GTK_SPIN_BUTTON (spin))); break;
    /* Translators: %s is a unit, “millimetres” or “inches”. */
    case HL_RULER_IRIS: question = g_strdup_printf (_("Diameter of the iris, in %s"),
                                                    hl_length_spin_get_unit_name (GTK_SPIN_BUTTON (spin))); break;
    case HL_RULER_DRAG:
    /* Translators: %s is a unit, “millimetres” or “inches”. */
    default: question = g_strdup_printf (_("Length of the line you drew, in %s"),
                                         hl_length_spin_get_unit_name (GTK_SPIN_BUTTON (spin))); break;
    }

  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  label = gtk_label_new (question);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  apply = gtk_button_new_with_mnemonic (_("_Calibrate"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
  gtk_widget_add_css_class (apply, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), apply);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), apply);

  g_object_set_data (G_OBJECT (popover), "hl-spin", spin);
  g_signal_connect_object (apply, "clicked", G_CALLBACK (on_length_apply), self, 0);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (gtk_popover_popdown), popover, G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_length_closed), self, 0);

  /* Below the whole segment and clear of it, so that the points just
   * clicked (the eyes, for pupils or iris) stay in sight; GTK puts it above
   * when there is no room below. */
  {
    HlPoint wa = hl_canvas_image_to_widget (self->canvas, a);

    at = hl_canvas_image_to_widget (self->canvas, b);
    gtk_widget_set_parent (popover, GTK_WIDGET (self->canvas));
    gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
    gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                                 &(GdkRectangle) { (int) floor (MIN (wa.x, at.x)) - 4,
                                                   (int) floor (MIN (wa.y, at.y)) - 24,
                                                   (int) ceil (fabs (wa.x - at.x)) + 8,
                                                   (int) ceil (fabs (wa.y - at.y)) + 64 });
  }
  self->length_popover = g_object_ref (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (spin);
}

/* Tool results */

static void
on_tool_result (HlCanvas *canvas,
                guint     result,
                guint     event_type,
                HlWindow *self)
{
  HlTool *tool = current_tool (self);

  if (tool == NULL)
    return;

  if (result & HL_TOOL_ASK_LENGTH)
    ask_length (self);

  /* The landmark tool moved on to the next unset landmark. */
  if (self->tool_options.landmark != self->notified_landmark)
    {
      self->notified_landmark = self->tool_options.landmark;
      g_object_notify (G_OBJECT (self), "landmark");
    }

  if (tool_is (self, "eyedropper") && event_type == HL_TOOL_PRESS && !(result & HL_TOOL_COMMITTED) &&
      hl_tool_eyedropper_get_problem (tool) != HL_EYEDROPPER_OK)
    adw_toast_overlay_add_toast (self->toasts,
                                 adw_toast_new (hl_eyedropper_problem_to_string (hl_tool_eyedropper_get_problem (tool))));
  else if (tool_is (self, "eyedropper") && event_type == HL_TOOL_PRESS)
    {
      /* The dilution chart's nearest pigment and dilution to the colour taken. */
      g_autofree char *nearest = hl_zone_panel_suggest_dilution (self->zone_panel, tool,
                                                                 self->tool_options.target_session);

      if (nearest != NULL)
        {
          /* A toast's title is markup: a pigment's name is text. */
          g_autofree char *escaped = g_markup_escape_text (nearest, -1);

          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
        }
    }

  _hl_window_tools_update (self);
}

static void
on_pick_shade (HlZonePanel *panel,
               int          session,
               HlWindow    *self)
{
  g_object_set (self, "tool", "eyedropper", NULL);
  self->tool_options.target_session = session;
  options_changed (self);
}

/* Frontal band from the hairline */

static void
on_band_response (AdwMessageDialog *dialog,
                  const char       *response,
                  HlWindow         *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "hl-spin");
  g_autoptr(HlDesign) next = NULL;
  g_autoptr(GError) error = NULL;
  HlDesign *design = hl_document_get_design (self->document);
  guint view = hl_document_get_view_index (self->document);

  if (g_strcmp0 (response, "add") != 0 || design == NULL)
    return;

  gtk_spin_button_update (spin);
  next = hl_edit_add_frontal_band (design, view, hl_length_spin_get_mm (spin), &error);
  if (next == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  if (hl_document_commit (self->document, next, _("Add frontal band"), NULL))
    hl_document_set_selected_zone (self->document,
                                   (int) hl_view_get_n_zones (hl_design_get_view (next, view)) - 1);
}

static void
frontal_band_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  GtkWidget *dialog, *spin;
  g_autofree char *body = NULL, *name = NULL;

  if (shown_view (self) == NULL)
    return;

  /* Asked in the unit of the preferences, kept in millimetres. */
  spin = hl_length_spin_new (5, 150, 5, 0, HL_FRONTAL_BAND_DEFAULT_MM);
  /* Translators: %s is a unit, “millimetres” or “inches”. */
  body = g_strdup_printf (_("A frontal zone that follows the hairline and reaches this far behind it, in %s:"),
                          hl_length_spin_get_unit_name (GTK_SPIN_BUTTON (spin)));
  /* Translators: %s is a unit, “millimetres” or “inches”. */
  name = g_strdup_printf (_("Depth behind the hairline, in %s"), hl_length_spin_get_unit_name (GTK_SPIN_BUTTON (spin)));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Frontal Band From Hairline"), body);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spin);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add Zone"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "hl-spin", spin);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_band_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (spin);
}

/* The selected zone, mirrored across the face's midline: the other
 * temple drawn once. */
static void
mirror_zone_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  const HlView *view = shown_view (self);
  int zone = hl_document_get_selected_zone (self->document);
  g_autoptr(HlDesign) next = NULL;
  g_autoptr(GError) error = NULL;

  if (view == NULL || zone < 0 || (guint) zone >= hl_view_get_n_zones (view))
    return;
  next = hl_edit_mirror_zone (hl_document_get_design (self->document),
                              hl_document_get_view_index (self->document), (guint) zone, &error);
  if (next == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  if (hl_document_commit (self->document, next, _("Mirror zone"), NULL))
    hl_document_set_selected_zone (self->document, (int) hl_view_get_n_zones (view));
}

/* A scalp outline from the pupils and the calibration
 * (hl-scalp-proposal.h), to adjust with the select tool. */
static void
propose_outline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  const HlView *view = shown_view (self);
  g_autoptr(HlCurve) outline = NULL;
  g_autoptr(HlDesign) next = NULL;
  g_autoptr(GError) error = NULL;

  if (view == NULL)
    return;
  outline = hl_scalp_outline_propose (view, &error);
  if (outline == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  next = hl_edit_set_scalp_outline (hl_document_get_design (self->document),
                                    hl_document_get_view_index (self->document), outline);
  if (hl_document_commit (self->document, next, _("Propose scalp outline"), NULL))
    {
      g_object_set (self, "tool", "select", NULL);
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_("Scalp outline proposed: drag its points to fit the head")));
    }
}

/* Back to the head chart's own outline, or to none on a photo. */
static void
remove_outline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(HlDesign) next = NULL;

  if (shown_view (self) == NULL || shown_view (self)->scalp_outline == NULL)
    return;
  next = hl_edit_set_scalp_outline (hl_document_get_design (self->document),
                                    hl_document_get_view_index (self->document), NULL);
  hl_document_commit (self->document, next, _("Remove scalp outline"), NULL);
}

/* Properties behind the stateful actions */

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
ruler_mode_from_string (const char  *text,
                        HlRulerMode *mode)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (ruler_modes); i++)
    if (g_str_equal (text, ruler_modes[i]))
      {
        *mode = (HlRulerMode) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
_hl_window_tools_set_property (HlWindow     *self,
                               guint         prop_id,
                               const GValue *value)
{
  const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  switch (prop_id)
    {
    case PROP_TOOL:
      if (text == NULL || hl_tools_lookup (text) == NULL)
        {
          g_warning ("no tool named %s", text != NULL ? text : "(null)");
          return TRUE;
        }
      if (set_string (&self->tool, text))
        {
          self->tool_options.target_session = -1;
          if (self->length_popover != NULL)
            gtk_popover_popdown (GTK_POPOVER (self->length_popover));
          hl_canvas_set_tool (self->canvas, text);
          _hl_window_tools_update (self);
          g_object_notify (G_OBJECT (self), "tool");
        }
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
      return TRUE;

    case PROP_RULER_MODE:
      {
        HlRulerMode mode;

        if (ruler_mode_from_string (text, &mode) && mode != self->tool_options.ruler_mode)
          {
            self->tool_options.ruler_mode = mode;
            options_changed (self);
            g_object_notify (G_OBJECT (self), "ruler-mode");
          }
      }
      return TRUE;

    case PROP_LANDMARK:
      {
        HlLandmark landmark;

        if (hl_landmark_from_string (text, &landmark) && landmark != self->tool_options.landmark)
          {
            self->tool_options.landmark = self->notified_landmark = landmark;
            options_changed (self);
            g_object_notify (G_OBJECT (self), "landmark");
          }
      }
      return TRUE;

    case PROP_ZONE_KIND:
      {
        HlZoneKind kind;

        if (hl_zone_kind_from_string (text, &kind) && kind != self->tool_options.zone_kind)
          {
            self->tool_options.zone_kind = kind;
            options_changed (self);
            g_object_notify (G_OBJECT (self), "zone-kind");
          }
      }
      return TRUE;

    case PROP_SHOW_PANEL:
      if (self->show_panel != g_value_get_boolean (value))
        {
          self->show_panel = g_value_get_boolean (value);
          adw_flap_set_reveal_flap (self->flap, self->show_panel);
          g_object_notify (G_OBJECT (self), "show-panel");
        }
      return TRUE;

    default:
      return FALSE;
    }
}

gboolean
_hl_window_tools_get_property (HlWindow *self,
                               guint     prop_id,
                               GValue   *value)
{
  switch (prop_id)
    {
    case PROP_TOOL: g_value_set_string (value, self->tool); return TRUE;
    case PROP_RULER_MODE: g_value_set_string (value, ruler_modes[self->tool_options.ruler_mode]); return TRUE;
    case PROP_LANDMARK: g_value_set_string (value, hl_landmark_to_string (self->tool_options.landmark)); return TRUE;
    case PROP_ZONE_KIND: g_value_set_string (value, hl_zone_kind_to_string (self->tool_options.zone_kind)); return TRUE;
    case PROP_SHOW_PANEL: g_value_set_boolean (value, self->show_panel); return TRUE;
    default: return FALSE;
    }
}

static void
on_flap_revealed (HlWindow *self)
{
  gboolean shown = adw_flap_get_reveal_flap (self->flap);

  /* The flap folds on its own in a narrow window. */
  if (shown != self->show_panel)
    {
      self->show_panel = shown;
      g_object_notify (G_OBJECT (self), "show-panel");
    }
}

/* Radio menus of the landmarks and zone kinds, from the core's names. */
static void
build_option_menus (HlWindow *self)
{
  g_autoptr(GMenu) landmarks = g_menu_new ();
  g_autoptr(GMenu) kinds = g_menu_new ();

  for (guint i = 0; i < HL_N_LANDMARKS; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (hl_landmark_get_title ((HlLandmark) i), NULL);

      g_menu_item_set_action_and_target (item, "win.landmark", "s", hl_landmark_to_string ((HlLandmark) i));
      g_menu_append_item (landmarks, item);
    }
  for (guint k = HL_ZONE_FRONTAL; k <= HL_ZONE_CUSTOM; k++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (hl_zone_kind_get_label ((HlZoneKind) k), NULL);

      g_menu_item_set_action_and_target (item, "win.zone-kind", "s", hl_zone_kind_to_string ((HlZoneKind) k));
      g_menu_append_item (kinds, item);
    }
  gtk_menu_button_set_menu_model (self->landmark_button, G_MENU_MODEL (landmarks));
  gtk_menu_button_set_menu_model (self->zone_kind_button, G_MENU_MODEL (kinds));
}

void
_hl_window_tools_class_init (GtkWidgetClass  *widget_class,
                             GParamSpec     **properties)
{
  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, "The tool in use", "select",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULER_MODE] =
    g_param_spec_string ("ruler-mode", NULL, "How the ruler calibrates: drag, ipd, iris", "drag",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANDMARK] =
    g_param_spec_string ("landmark", NULL, "The landmark the next click places",
                         hl_landmark_to_string (HL_LANDMARK_GLABELLA),
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZONE_KIND] =
    g_param_spec_string ("zone-kind", NULL, "The kind of the next zone drawn",
                         hl_zone_kind_to_string (HL_ZONE_FRONTAL),
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PANEL] =
    g_param_spec_boolean ("show-panel", NULL, "Whether the zone panel shows", TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

void
_hl_window_tools_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.tool", "tool");
  gtk_widget_class_install_property_action (widget_class, "win.ruler-mode", "ruler-mode");
  gtk_widget_class_install_property_action (widget_class, "win.landmark", "landmark");
  gtk_widget_class_install_property_action (widget_class, "win.zone-kind", "zone-kind");
  gtk_widget_class_install_property_action (widget_class, "win.show-panel", "show-panel");
  gtk_widget_class_install_action (widget_class, "win.frontal-band", NULL, frontal_band_action);
  gtk_widget_class_install_action (widget_class, "win.propose-outline", NULL, propose_outline_action);
  gtk_widget_class_install_action (widget_class, "win.mirror-zone", NULL, mirror_zone_action);
  gtk_widget_class_install_action (widget_class, "win.remove-outline", NULL, remove_outline_action);

  {
    guint n_tools;
    const HlToolInfo *tools = hl_tools_get_all (&n_tools);

    for (guint i = 0; i < n_tools; i++)
      gtk_widget_class_add_binding_action (widget_class, gdk_keyval_from_name (tools[i].key), 0,
                                           "win.tool", "s", tools[i].name);
  }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-panel", NULL);
}

static void
on_unit_changed (HlWindow *self)
{
  self->tool_options.unit = hl_settings_get_unit ();
  options_changed (self);
}

void
_hl_window_tools_init_state (HlWindow *self)
{
  self->tool = g_strdup ("select");
  hl_tool_options_init (&self->tool_options);
  self->tool_options.zone_defaults = hl_settings_get_zone_defaults ();
  /* Lengths the canvas draws (the hairline's height) follow the unit chosen. */
  self->tool_options.unit = hl_settings_get_unit ();
  if (hl_settings_get () != NULL)
    g_signal_connect_object (hl_settings_get (), "changed::length-unit", G_CALLBACK (on_unit_changed), self,
                             G_CONNECT_SWAPPED);
  self->notified_landmark = self->tool_options.landmark;
  self->show_panel = TRUE;
}

/* The tool buttons of the column beside the canvas, one per tool of the
 * registry but those picked from a menu. */
static void
build_tool_buttons (HlWindow *self)
{
  guint n_tools;
  const HlToolInfo *tools = hl_tools_get_all (&n_tools);

  for (guint i = 0; i < n_tools; i++)
    {
      GtkWidget *button;

      if (tools[i].in_menu)
        continue;
      button = gtk_toggle_button_new ();
      gtk_button_set_icon_name (GTK_BUTTON (button), tools[i].icon_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", tools[i].name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.tool");
      gtk_widget_set_tooltip_text (button, _(tools[i].tooltip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(tools[i].title), -1);
      gtk_box_append (self->tool_box, button);
    }
}

void
_hl_window_tools_init (HlWindow *self)
{
  build_tool_buttons (self);
  build_option_menus (self);
  hl_canvas_set_tool_options (self->canvas, &self->tool_options);
  hl_zone_panel_set_document (self->zone_panel, self->document);
  g_signal_connect_object (self->canvas, "tool-result", G_CALLBACK (on_tool_result), self, 0);
  g_signal_connect_object (self->zone_panel, "pick-shade", G_CALLBACK (on_pick_shade), self, 0);
  /* A new design or view: the canvas made a new tool; the hints follow. */
  g_signal_connect_object (self->document, "loaded", G_CALLBACK (_hl_window_tools_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::view-index", G_CALLBACK (_hl_window_tools_update),
                           self, G_CONNECT_SWAPPED);
  /* Mirror Selected Zone needs one. */
  g_signal_connect_object (self->document, "notify::selected-zone", G_CALLBACK (_hl_window_tools_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_revealed), self,
                           G_CONNECT_SWAPPED);
  /* The scale label shows lengths in the unit of the preferences. */
  if (hl_settings_get () != NULL)
    g_signal_connect_object (hl_settings_get (), "changed::length-unit",
                             G_CALLBACK (_hl_window_tools_update), self, G_CONNECT_SWAPPED);
}

void
_hl_window_tools_finalize (HlWindow *self)
{
  g_clear_pointer (&self->tool, g_free);
}
