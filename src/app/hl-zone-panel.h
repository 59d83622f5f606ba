/* hl-zone-panel.h: the zones of the view shown and the selected zone's
 * parameters, beside the canvas.
 *
 * Lists the view's zones (add, delete, rename, reorder, kind) with their
 * area, and shows every parameter the format holds for the selected zone,
 * with rows built from the core's zone-parameter table. The selected zone
 * is the document's ("selected-zone"). Changes apply live through
 * hl_document_commit; each field's burst of changes is one undo step
 * (merged by key).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-document.h"
#include "hl-tool.h"

G_BEGIN_DECLS

#define HL_TYPE_ZONE_PANEL (hl_zone_panel_get_type ())

G_DECLARE_FINAL_TYPE (HlZonePanel, hl_zone_panel, HL, ZONE_PANEL, GtkWidget)

GtkWidget  *hl_zone_panel_new              (void);
/* Shows the zones of @document (referenced; may be NULL). */
void        hl_zone_panel_set_document     (HlZonePanel *self,
                                            HlDocument  *document);
/* After a press of the eyedropper @tool that took a colour for the
 * selected zone (@session ≥ 0: that session's shade): shows the dilution
 * chart's nearest pigment and dilution, with a button that makes it the
 * shade, and returns the sentence (transfer full), or NULL when there is
 * none. */
char       *hl_zone_panel_suggest_dilution (HlZonePanel *self,
                                            HlTool      *tool,
                                            int          session);

G_END_DECLS
