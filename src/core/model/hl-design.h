/* hl-design.h: a client's design, the document that is saved as JSON.
 *
 * Immutable once shared and reference-counted (see hl-zone.h): an edit makes
 * hl_design_copy() (views are shared), replaces what changed and publishes
 * the copy; the undo history keeps the old values as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-client.h"
#include "hl-session-record.h"
#include "hl-view.h"

G_BEGIN_DECLS

#define HL_DESIGN_FORMAT "hairline-studio-design"
/* The file format version this build writes and the newest it reads; it
 * reads every version from 1. Version 2 added corner points to curves
 * ("hairline_corners", "boundary_corners"); version 3 the head model
 * ("head") and each view's pose ("pose"): views without a pose, and all
 * views of older files, are measured in the photo's plane; and the
 * treatment record ("client_details", "records"); version 4 zones that
 * belong to the head ("on_head", see hl-head-zones.h). */
#define HL_DESIGN_VERSION 4
/* Version of the stippling engine: same design + same engine version gives
 * the same dots, bit for bit. */
#define HL_ENGINE_VERSION 7
#define HL_DESIGN_MAX_VIEWS 16

typedef struct _HlDesign HlDesign;

struct _HlDesign
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  int          version;          /* format version the file was written with */
  int          engine_version;   /* engine version the dots were designed with */
  guint32      seed;             /* design seed, mixed into every zone's seed */
  char        *client_label;     /* owned, may be NULL */
  char        *notes;            /* owned, may be NULL */
  gboolean     has_head;         /* the client's head model is known */
  HlHeadModel  head;             /* its sizes; every view with a pose sees
                                    this head (format 3) */
  GPtrArray   *views;            /* owned, of HlView* (each one ref) */
  HlClient    *client;           /* one ref, NULL when no details are kept */
  GPtrArray   *records;          /* owned, of HlSessionRecord* (each one ref),
                                  * in increasing session order, one a session */
  struct cJSON *extra;           /* unknown JSON members, owned, may be NULL */
};

/* An empty design at the current versions (transfer full). */
HlDesign   *hl_design_new              (void);
/* A new, unshared design sharing the views of @design (transfer full). */
HlDesign   *hl_design_copy             (const HlDesign *design);
HlDesign   *hl_design_ref              (HlDesign       *design);
void        hl_design_unref            (HlDesign       *design);

guint       hl_design_get_n_views      (const HlDesign *design);
/* Borrowed. */
HlView     *hl_design_get_view         (const HlDesign *design,
                                        guint           index);
/* Index of the view named @name, or of the view with the decimal index
 * @name; -1 when there is none. */
int         hl_design_find_view        (const HlDesign *design,
                                        const char     *name);

/* The number of planned sessions: the most any zone of any view has; 0
 * when there is no zone. */
guint       hl_design_get_n_sessions   (const HlDesign *design);
/* The record of session @session (from 1), or NULL (borrowed). */
HlSessionRecord *hl_design_get_record  (const HlDesign *design,
                                        guint           session);

/* Setters: only on a design whose reference you alone hold. Labels and
 * notes are stored cleaned (hl_text_clean). */
void        hl_design_set_seed         (HlDesign       *design,
                                        guint32         seed);
void        hl_design_set_client_label (HlDesign       *design,
                                        const char     *label);
void        hl_design_set_notes        (HlDesign       *design,
                                        const char     *notes);
/* Takes a reference on @view. */
void        hl_design_append_view      (HlDesign       *design,
                                        HlView         *view);
void        hl_design_replace_view     (HlDesign       *design,
                                        guint           index,
                                        HlView         *view);

/* Takes a reference on @client; NULL or empty details clear them. */
void        hl_design_set_client       (HlDesign       *design,
                                        HlClient       *client);
/* Takes a reference on @record, replacing the record of its session. */
void        hl_design_set_record       (HlDesign       *design,
                                        HlSessionRecord *record);
/* Removes the record of session @session, if any. */
void        hl_design_remove_record    (HlDesign       *design,
                                        guint           session);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlDesign, hl_design_unref)

G_END_DECLS
