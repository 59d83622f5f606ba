/* hl-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HL_TYPE_APPLICATION (hl_application_get_type ())

G_DECLARE_FINAL_TYPE (HlApplication, hl_application, HL, APPLICATION, AdwApplication)

typedef struct _HlWindow HlWindow;

/* A new application (transfer full). */
HlApplication *hl_application_new (void);

/* Binds the program's message catalogues (hl_i18n_init(): the folder
 * named by HL_LOCALEDIR, else the installed one) and makes the project's
 * domain the default. Call once, before any text is translated. */
void           hl_application_bind_text_domain (void);

/* The window that shows @file or is opening it (the same file by any name:
 * a link, another path), or NULL (transfer none). */
HlWindow      *hl_application_find_window (HlApplication *self,
                                           GFile         *file);

G_END_DECLS
