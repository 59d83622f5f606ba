/* fuzz-load.c: arbitrary bytes through the design loader alone.
 *
 * Parse and validate; a design that loads is saved to memory, loaded
 * again and must give the same canonical text. No stippling: thousands of
 * inputs a second, so the fuzzer explores the parser and the validator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-design-io.h"
#include "hl-error.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_data ((const char *) data, size, &error);
  g_autoptr(HlDesign) reloaded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  gsize length = 0;

  if (design == NULL)
    {
      g_assert_true (error != NULL && error->domain == HL_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  text = hl_design_to_json (design, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  reloaded = hl_design_load_from_data (text, length, &error);
  g_assert_no_error (error);
  again = hl_design_to_json (reloaded, NULL);
  g_assert_cmpstr (text, ==, again);

  return 0;
}
