/* hl-design-io-private.h: what the design reader's files share.
 *
 * The reader walks cJSON's tree with a JSON path of where it is
 * (HlReadCtx.path, e.g. "views[0].zones[1].name"), so every message names
 * the value it is about. hl-design-io-values.c reads single values (numbers,
 * strings, colours, points, curves), hl-design-io-read.c the design's
 * objects, hl-design-io.c checks the raw text and runs the parse,
 * hl-design-io-write.c writes designs back. Nothing here is public API.
 *
 * Ownership: the context borrows @error and owns @path for the length of
 * one load; readers borrow the cJSON values they are given and hand back
 * what *@out receives as transfer full (strings, curves), freeing what was
 * there before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cjson/cJSON.h>

#include "hl-design-io.h"
#include "hl-error.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cJSON, cJSON_Delete)

#define MAX_NAME_BYTES 200
#define MAX_NOTES_BYTES 65536
#define MAX_PATH_BYTES 4096
#define MAX_COORDINATE 1e6
#define MAX_PHOTO_SIDE 100000
/* Unknown members are kept to be written back; all of them together may
 * take this much JSON text (counted as they would be written, at least
 * 8 bytes a value), so that a small file cannot make validation copy a huge
 * tree. */
#define MAX_UNKNOWN_BYTES (1024 * 1024)
/* cJSON's CJSON_NESTING_LIMIT, compiled into the system library: deeper
 * input fails to parse with nothing but a position. */
#define MAX_NESTING 1000

typedef struct
{
  GString  *path;     /* JSON path of the value being read */
  GError  **error;
  gsize     unknown_bytes;  /* kept so far in unknown members */
  gint64    photo_pixels;   /* declared by the views read so far */
} HlReadCtx;

typedef gboolean (*HlKeyPredicate) (const char *key);

typedef enum
{
  HL_STRING_PLAIN,       /* names, paths, labels, keywords */
  HL_STRING_FREE_TEXT,   /* notes: tabs and line breaks allowed */
} HlStringKind;

gboolean hl_design_io_invalid (HlReadCtx  *c,
                               const char *format,
                               ...) G_GNUC_PRINTF (2, 3);

gsize hl_design_io_push_key (HlReadCtx  *c,
                             const char *key);

gsize hl_design_io_push_index (HlReadCtx *c,
                               guint      index);

void hl_design_io_pop (HlReadCtx *c,
                       gsize      mark);

/* Refuses duplicate keys; keys neither in @known nor accepted by
 * @also_known (may be NULL) go to *@extra (a new object, or NULL if there
 * are none) or, when @extra is NULL, are refused. */
gboolean hl_design_io_check_members_full (HlReadCtx          *c,
                                          const cJSON        *object,
                                          const char * const *known,
                                          HlKeyPredicate      also_known,
                                          cJSON             **extra);

gboolean hl_design_io_check_members (HlReadCtx          *c,
                                     const cJSON        *object,
                                     const char * const *known,
                                     cJSON             **extra);

const cJSON *hl_design_io_member (const cJSON *object,
                                  const char  *key);

/* The member @key of @object in *@item (NULL when absent); FALSE, with the
 * error set, when a required member is missing. */
gboolean hl_design_io_lookup (HlReadCtx    *c,
                              const cJSON  *object,
                              const char   *key,
                              gboolean      required,
                              const cJSON **item);

/* Each reader: @key of @object into *@out. Absent optional keys leave *@out
 * unchanged and return TRUE. */
gboolean hl_design_io_read_number (HlReadCtx   *c,
                                   const cJSON *object,
                                   const char  *key,
                                   gboolean     required,
                                   double       min,
                                   double       max,
                                   const char  *unit,
                                   double      *out);

gboolean hl_design_io_read_integer (HlReadCtx   *c,
                                    const cJSON *object,
                                    const char  *key,
                                    gboolean     required,
                                    double       min,
                                    double       max,
                                    gint64      *out);

gboolean hl_design_io_read_string_full (HlReadCtx   *c,
                                        const cJSON *object,
                                        const char  *key,
                                        gboolean     required,
                                        gsize        max_bytes,
                                        HlStringKind kind,
                                        char       **out);

gboolean hl_design_io_read_string (HlReadCtx   *c,
                                   const cJSON *object,
                                   const char  *key,
                                   gboolean     required,
                                   gsize        max_bytes,
                                   char       **out);

gboolean hl_design_io_read_bool (HlReadCtx   *c,
                                 const cJSON *object,
                                 const char  *key,
                                 gboolean    *out);

gboolean hl_design_io_read_color (HlReadCtx   *c,
                                  const cJSON *object,
                                  const char  *key,
                                  gboolean     required,
                                  HlColor     *out);

/* The value at the current path is a point: [x, y]. */
gboolean hl_design_io_read_point_value (HlReadCtx   *c,
                                        const cJSON *item,
                                        HlPoint     *out);

gboolean hl_design_io_read_point (HlReadCtx   *c,
                                  const cJSON *object,
                                  const char  *key,
                                  gboolean     required,
                                  HlPoint     *out,
                                  gboolean    *present);

/* The curve in member @key of @object (@min..@max points), with the corner
 * flags of member @corners_key, into *@out (transfer full; NULL when an
 * optional curve is absent). */
gboolean hl_design_io_read_curve_member (HlReadCtx   *c,
                                         const cJSON *object,
                                         const char  *key,
                                         const char  *corners_key,
                                         gboolean     required,
                                         guint        min,
                                         guint        max,
                                         gboolean     closed,
                                         HlCurve    **out);

/* hl-design-io-syntax.c: messages for text that is not a design's JSON.
 * Each sets *@error (HL_ERROR_PARSE) about @offset in @data (@length
 * bytes, borrowed), naming the JSON path there when the text before it
 * tells. */

/* Line and column (from 1; a column counts bytes) of @offset in @data. */
void hl_design_io_text_position (const char *data,
                                 gsize       length,
                                 gsize       offset,
                                 gsize      *line,
                                 gsize      *column);

/* cJSON stopped at @offset; @trailing: it read a whole value, and text
 * other than white space follows it at @offset. */
void hl_design_io_syntax_error (const char  *data,
                                gsize        length,
                                gsize        offset,
                                gboolean     trailing,
                                GError     **error);

/* @data (valid UTF-8 before @offset) is not UTF-8 at @offset, or holds a
 * NUL byte there. */
void hl_design_io_encoding_error (const char  *data,
                                  gsize        length,
                                  gsize        offset,
                                  GError     **error);

HlDesign *hl_design_io_read_design (HlReadCtx   *c,
                                    const cJSON *root);

/* hl-design-io-head.c */

/* The optional top-level "head" into design->has_head, design->head. */
gboolean hl_design_io_read_head (HlReadCtx   *c,
                                 const cJSON *root,
                                 HlDesign    *design);
/* The optional "pose" of view object @view_item: @view (unshared) then sees
 * the design's head (the default head when it has none, or when @view is
 * on a head chart) at that pose. */
gboolean hl_design_io_read_pose (HlReadCtx      *c,
                                 const cJSON    *view_item,
                                 const HlDesign *design,
                                 HlView         *view);
/* "head" on @root when the design or one of its views has a head model. */
void     hl_design_io_write_head (cJSON          *root,
                                  const HlDesign *design);
/* "pose" on @view_json when @view has a head model. */
void     hl_design_io_write_pose (cJSON          *view_json,
                                  const HlView   *view);
/* hl-design-io-record.c: the treatment record ("client_details",
 * "records") of @root into @design, whose views are already read. */
gboolean hl_design_io_read_record (HlReadCtx   *c,
                                   const cJSON *root,
                                   HlDesign    *design);
/* Adds @design's treatment record (borrowed) to @root. */
void     hl_design_io_write_record (cJSON          *root,
                                    const HlDesign *design);

G_END_DECLS
