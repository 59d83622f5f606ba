/* hl-document-private.h: what the files of HlDocument share.
 *
 *   hl-document.c     state, history and commits, selection, the engine,
 *                     properties and signals
 *   hl-document-io.c  loading (a file, a design in memory, a pasted
 *                     image), switching views, relinking, saving,
 *                     autosave and recovery
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-document.h"
#include "hl-engine-worker.h"

G_BEGIN_DECLS

/* About how long a photo is drawn on screen, px: the loader's worker makes
 * the halved copies of the photo for it (hl_photo_prepare_levels()), so
 * that the first frame does not. */
#define HL_DOCUMENT_SCREEN_PX 1280

/* The area a newly loaded or shown view will be fitted to
 * (hl_document_set_screen_fit()); 0 × 0: not known. */
typedef struct
{
  int width, height;         /* logical px */
  int scale;                 /* device px per logical px */
} HlScreenFit;

/* Which file a path named, and as it was then: another program that
 * replaced it (a new inode) or wrote into it (a new time or size) is
 * seen by comparing two stamps. */
typedef struct
{
  gboolean known;
  guint32  device;
  guint64  inode;
  guint64  mtime;            /* seconds */
  guint32  mtime_usec;
  goffset  size;
} HlFileStamp;

struct _HlDocument
{
  GObject     parent_instance;

  /* Owned references */
  GFile      *file;          /* the design file, NULL until saved or loaded */
  char       *title;
  HlHistory  *history;       /* NULL while nothing is loaded */
  HlPhoto    *photo;
  char       *photo_problem;
  GBytes     *pasted;        /* a pasted image (PNG), until the design is loaded anew */
  char       *pasted_sha;    /* its SHA-256, which the views showing it record */
  char       *pasted_path;   /* where it was written next to the design, once saved */
  HlFileStamp stamp;         /* the design file as loaded or last saved */
  HlEngineWorker *worker;
  HlDesign   *preview;       /* a tool's gesture, or NULL */
  HlDesign   *shown;         /* what the engine was last asked for */

  /* The editing session, as tools see it (hl-tool-host.h). */
  HlToolHost  host;
  int         selected_zone; /* -1: none */
  /* The last commit, which one with the same key may amend. */
  char       *merge_key;
  HlDesign   *merge_design;  /* what it made current */
  gint64      merge_time;

  /* The dots shown: those of the last finished request. */
  GArray     *dots;          /* of HlDot, NULL: none */
  GArray     *stats;         /* of HlZoneStats */
  HlDesign   *dots_design;   /* the design they belong to */
  guint       request;       /* serial of the newest request */
  guint       dots_serial;   /* serial of the request the dots came from */
  gboolean    computing;
  double      progress;

  char       *recovery_dir;  /* autosave folder, NULL: no autosave */
  char       *recovery_id;   /* this document's files there, once written */
  guint       autosave_delay_ms;
  guint       autosave_source;
  guint       autosave_failures; /* in a row: the retries wait longer */
  char       *autosave_problem;  /* why the last copy failed, NULL once one succeeds */
  gboolean    recovery_photo_written; /* the pasted image is in the folder as <id>.png */

  guint       view;
  guint       view_serial;   /* the newest view switch; older ones are dropped */
  guint       generation;    /* bumped by every load: older saves mark nothing */
  guint       load_serial;   /* the newest load; an older one finishing is dropped */
  HlScreenFit fit;           /* where the next photo will first be shown */

  /* Last notified values */
  gboolean    modified;
  gboolean    can_undo;
  gboolean    can_redo;
};

/* hl-document.c */

/* Notifies "modified", "can-undo" and "can-redo" where they changed, and
 * schedules the autosave. */
void _hl_document_update_flags      (HlDocument *self);
void _hl_document_set_title         (HlDocument *self,
                                     char       *title);   /* transfer full */
void _hl_document_set_file          (HlDocument *self,
                                     GFile      *file);
/* Sets "autosave-problem" (copied; NULL: none), notified if it changed. */
void _hl_document_set_autosave_problem (HlDocument *self,
                                        const char *problem);
void _hl_document_set_computing     (HlDocument *self,
                                     gboolean    computing,
                                     double      progress);
/* The dots shown, of request @serial for @design. */
void _hl_document_set_dots          (HlDocument *self,
                                     guint       serial,
                                     HlDesign   *design,
                                     GArray     *dots,      /* transfer full */
                                     GArray     *stats);    /* transfer full */
/* Asks the engine for the shown design's dots and waits a moment for
 * them; past that the document is computing. */
void _hl_document_request_dots      (HlDocument *self);
/* The next commit amends nothing. */
void _hl_document_forget_merge      (HlDocument *self);
void _hl_document_emit_changed      (HlDocument *self);
void _hl_document_emit_loaded       (HlDocument *self);
void _hl_document_notify_view_index (HlDocument *self);

/* hl-document-io.c */

/* Unsaved changes go to the recovery folder after a moment of quiet;
 * once nothing is unsaved, the recovery copy goes. */
void _hl_document_schedule_autosave (HlDocument *self);
/* Removes the recovery copy of a document that ends normally. */
void _hl_document_io_finalize       (HlDocument *self);

G_END_DECLS
