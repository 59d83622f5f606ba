/* hl-view.h: one photo of the client and everything drawn on it.
 *
 * Immutable once shared and reference-counted like HlZone: hl_view_copy()
 * shares the zones and curves, the setters work only on an unshared view.
 * All coordinates are image pixels of the (orientation-corrected) photo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-color.h"
#include "hl-curve.h"
#include "hl-head-model.h"
#include "hl-zone.h"

G_BEGIN_DECLS

typedef enum
{
  HL_CALIBRATION_NONE,     /*< nick=none >*/    /* no calibration: the engine assumes a default */
  HL_CALIBRATION_RULER,    /*< nick=ruler >*/   /* a ruler of known length drawn on the photo */
  HL_CALIBRATION_IRIS,     /*< nick=iris >*/    /* iris diameter ≈ 11.7 mm */
  HL_CALIBRATION_IPD,      /*< nick=ipd >*/     /* interpupillary distance ≈ 63 mm */
  HL_CALIBRATION_MANUAL,   /*< nick=manual >*/  /* a number typed in */
} HlCalibrationSource;

/* What the engine assumes without calibration: a phone portrait where the
 * face is about 1000 px wide, 0.15 mm per pixel. Stated in every report. */
#define HL_DEFAULT_MM_PER_PX 0.15
#define HL_IRIS_MM 11.7
#define HL_IPD_MM 63.0

typedef struct
{
  HlCalibrationSource source;
  double   mm_per_px;      /* > 0 when source != NONE */
  double   uncertainty;    /* relative, e.g. 0.05 for ±5 % */
  gboolean has_reference;  /* the measured segment is known */
  HlPoint  ref_a, ref_b;   /* its ends, image px */
  double   ref_mm;         /* its length on the skin */
} HlCalibration;

typedef enum
{
  HL_LANDMARK_GLABELLA,             /*< nick=glabella >*/
  HL_LANDMARK_NASION,               /*< nick=nasion >*/
  HL_LANDMARK_LEFT_PUPIL,           /*< nick=left_pupil >*/
  HL_LANDMARK_RIGHT_PUPIL,          /*< nick=right_pupil >*/
  HL_LANDMARK_LEFT_CANTHUS,         /*< nick=left_canthus >*/
  HL_LANDMARK_RIGHT_CANTHUS,        /*< nick=right_canthus >*/
  HL_LANDMARK_LEFT_IRIS_EDGE_A,     /*< nick=left_iris_edge_a >*/
  HL_LANDMARK_LEFT_IRIS_EDGE_B,     /*< nick=left_iris_edge_b >*/
  HL_LANDMARK_RIGHT_IRIS_EDGE_A,    /*< nick=right_iris_edge_a >*/
  HL_LANDMARK_RIGHT_IRIS_EDGE_B,    /*< nick=right_iris_edge_b >*/
  HL_LANDMARK_MID_FRONTAL_POINT,    /*< nick=mid_frontal_point >*/
  HL_LANDMARK_LEFT_FRONTOTEMPORAL,  /*< nick=left_frontotemporal >*/
  HL_LANDMARK_RIGHT_FRONTOTEMPORAL, /*< nick=right_frontotemporal >*/
  HL_LANDMARK_LEFT_TEMPORAL_PEAK,   /*< nick=left_temporal_peak >*/
  HL_LANDMARK_RIGHT_TEMPORAL_PEAK,  /*< nick=right_temporal_peak >*/
  HL_N_LANDMARKS                    /*< skip >*/
} HlLandmark;

typedef struct
{
  gboolean set;
  HlPoint  p;
} HlLandmarkPoint;

typedef enum
{
  HL_EDIT_ADD,      /*< nick=add >*/     /* a dot placed by hand */
  HL_EDIT_REMOVE,   /*< nick=remove >*/  /* derived dots within radius_px are removed */
} HlDotEditKind;

typedef struct
{
  HlDotEditKind kind;
  HlPoint       p;
  double        radius_px;    /* REMOVE: erased disc radius */
  double        diameter_mm;  /* ADD: dot diameter */
  HlColor       shade;        /* ADD: dot shade */
  guint         session;      /* ADD: session index from 0 */
} HlDotEdit;

#define HL_VIEW_MAX_ZONES 64
#define HL_VIEW_MAX_EDITS 200000

typedef struct
{
  char   *path;        /* relative to the design file, UTF-8; owned; may be NULL */
  char   *sha256;      /* 64 lowercase hex digits; owned; NULL when unknown */
  int     width;       /* pixels after EXIF orientation; 0 when unknown */
  int     height;
  char   *chart;       /* a head chart's name ("front", ...) drawn instead of a
                        * photo file (see hl-head-chart.h), path and sha256
                        * then NULL; owned; NULL for a photo */
} HlPhotoRef;

typedef struct _HlView HlView;

struct _HlView
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  char             *name;          /* "front", "top", ...; owned, never NULL */
  HlPhotoRef        photo;
  HlCalibration     calibration;
  HlLandmarkPoint   landmarks[HL_N_LANDMARKS];
  HlCurve          *hairline;      /* owned ref, open curve, NULL when none */
  HlCurve          *scalp_outline; /* owned ref, closed curve: where pigment may
                                    * go, as set on this view; NULL when none
                                    * (see hl_view_get_scalp_outline()) */
  gboolean          has_head;      /* a head model and pose apply: areas,
                                    * densities and distances are measured
                                    * on the scalp; FALSE: in the photo's
                                    * plane, as before format 3 */
  HlHeadModel       head;          /* the design's head, when has_head */
  HlHeadPose        pose;          /* where it stands in this image */
  char             *head_reason;   /* why a view without a model has none
                                    * (a fit that failed), for people;
                                    * owned, may be NULL */
  GPtrArray        *zones;         /* owned, of HlZone* (each one ref) */
  GArray           *edits;         /* owned, of HlDotEdit */
  struct cJSON     *extra;         /* unknown JSON members, owned, may be NULL */
  struct cJSON     *photo_extra;
  struct cJSON     *calibration_extra;
};

/* A new view without photo, calibration, hairline or zones (transfer full). */
HlView     *hl_view_new              (const char          *name);
/* A new, unshared view sharing zones and curves with @view (transfer full). */
HlView     *hl_view_copy             (const HlView        *view);
HlView     *hl_view_ref              (HlView              *view);
void        hl_view_unref            (HlView              *view);

/* mm per image pixel: the calibration, or HL_DEFAULT_MM_PER_PX when the
 * view has none (then *@calibrated, if given, is FALSE). */
double      hl_view_get_mm_per_px    (const HlView        *view,
                                      gboolean            *calibrated);
guint       hl_view_get_n_zones      (const HlView        *view);
/* Borrowed. */
HlZone     *hl_view_get_zone         (const HlView        *view,
                                      guint                index);

/* The scalp outline that applies to @view (borrowed, valid while @view
 * lives): its own when set, else the one its head chart knows
 * (hl_head_chart_get_scalp_outline()), else NULL: no outline, pigment may
 * go anywhere. The engine places no dot outside it. A head model that
 * knows the outline of a photo would supply it here. */
HlCurve    *hl_view_get_scalp_outline (const HlView       *view);

/* Scalp area per image area at image point @p, both in mm² (the image at
 * the calibration's scale): the density factor that places dots uniformly
 * on the scalp. hl_head_model_area_ratio() corrected for a pose whose
 * scale differs from the calibration; 1 for a view without a head model
 * (photo plane), and where the ray misses the cranium (the nape below it,
 * which faces a camera behind the head). */
double      hl_view_get_area_factor  (const HlView        *view,
                                      HlPoint              p);
/* Whether @outline can serve as a scalp outline: a closed curve of at
 * least 3 points whose drawn line does not cross itself. FALSE with
 * HL_ERROR_INVALID and a message for people ("needs at least 3 points",
 * "crosses itself") otherwise. */
gboolean    hl_scalp_outline_check   (const HlCurve       *outline,
                                      GError             **error);

/* Setters: only on a view whose reference you alone hold. */
void        hl_view_set_name         (HlView              *view,
                                      const char          *name);
void        hl_view_set_photo        (HlView              *view,
                                      const char          *path,
                                      const char          *sha256,
                                      int                  width,
                                      int                  height);
/* The view's photo becomes head chart @chart (a name hl-head-chart.h
 * knows) of @width × @height px; the photo's path and hash are dropped.
 * hl_view_set_photo() in turn drops the chart. */
void        hl_view_set_chart        (HlView              *view,
                                      const char          *chart,
                                      int                  width,
                                      int                  height);
void        hl_view_set_calibration  (HlView              *view,
                                      const HlCalibration *calibration);
void        hl_view_set_landmark     (HlView              *view,
                                      HlLandmark           landmark,
                                      gboolean             set,
                                      HlPoint              p);
/* @hairline may be NULL; it is referenced. */
void        hl_view_set_hairline     (HlView              *view,
                                      HlCurve             *hairline);
/* @outline may be NULL (none: a chart's own applies again); it is
 * referenced. It should pass hl_scalp_outline_check(). */
void        hl_view_set_scalp_outline (HlView             *view,
                                      HlCurve             *outline);
/* The head model @head (NULL: none, the photo plane) standing at @pose
 * (ignored when @head is NULL) in this view. */
void        hl_view_set_head         (HlView              *view,
                                      const HlHeadModel   *head,
                                      const HlHeadPose    *pose);
/* Why the view has no head model (NULL: unset); copied. */
void        hl_view_set_head_reason  (HlView              *view,
                                      const char          *reason);
/* Takes a reference on @zone. */
void        hl_view_append_zone      (HlView              *view,
                                      HlZone              *zone);
void        hl_view_replace_zone     (HlView              *view,
                                      guint                index,
                                      HlZone              *zone);
void        hl_view_remove_zone      (HlView              *view,
                                      guint                index);
void        hl_view_append_edit      (HlView              *view,
                                      const HlDotEdit     *edit);

const char *hl_landmark_to_string          (HlLandmark    landmark);
gboolean    hl_landmark_from_string        (const char   *text,
                                            HlLandmark   *landmark);
const char *hl_calibration_source_to_string (HlCalibrationSource source);
/* The source for people, in their language (static). */
const char *hl_calibration_source_get_label (HlCalibrationSource source);
gboolean    hl_calibration_source_from_string (const char *text,
                                               HlCalibrationSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlView, hl_view_unref)

G_END_DECLS
