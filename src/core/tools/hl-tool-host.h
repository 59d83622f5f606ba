/* hl-tool-host.h: what a tool asks of the editing session it serves.
 *
 * A tool never holds the undo history. It reads the session's current
 * design, hands a finished edit to the session (which may refuse it, e.g.
 * over the dot budget, or merge it into the last undo step), and reads and
 * sets the one selected zone that every view of the session shares. The
 * application's document implements this; tests pass a small host over a
 * history of their own.
 *
 * An implementation embeds an HlToolHost (its iface set) and passes its
 * address; it must outlive every tool made with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"

G_BEGIN_DECLS

typedef struct _HlToolHost HlToolHost;

typedef struct
{
  /* The current design (borrowed), NULL while nothing is open. */
  HlDesign *(*get_design)        (HlToolHost *host);
  /* Records @design (referenced) as one undo step labelled @label. With a
   * @merge_key equal to the last commit's, and nothing else recorded
   * since, the host may amend that step instead. FALSE when nothing was
   * recorded (the current design already, or refused). */
  gboolean  (*commit)            (HlToolHost *host,
                                  HlDesign   *design,
                                  const char *label,
                                  const char *merge_key);
  /* The selected zone of the view edited, -1 for none. */
  int       (*get_selected_zone) (HlToolHost *host);
  void      (*set_selected_zone) (HlToolHost *host,
                                  int         zone);
} HlToolHostInterface;

struct _HlToolHost
{
  const HlToolHostInterface *iface;
};

HlDesign *hl_tool_host_get_design        (HlToolHost *host);
gboolean  hl_tool_host_commit            (HlToolHost *host,
                                          HlDesign   *design,
                                          const char *label,
                                          const char *merge_key);
int       hl_tool_host_get_selected_zone (HlToolHost *host);
void      hl_tool_host_set_selected_zone (HlToolHost *host,
                                          int         zone);

G_END_DECLS
