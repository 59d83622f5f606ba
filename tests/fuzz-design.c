/* fuzz-design.c: arbitrary bytes through the design loader.
 *
 * LLVMFuzzerTestOneInput() is a libFuzzer target (build it with clang and
 * -fsanitize=fuzzer). Without libFuzzer, main() replays the sample designs
 * and a fixed, deterministic set of mutations of them, so the suite runs
 * the same inputs everywhere (and under ASan/UBSan in build-asan/).
 *
 * For every input: loading must either fail with an HL_ERROR or give a
 * design whose canonical text loads again to the same text; a loaded
 * design's first view is stippled when its zones are of a sane size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-rng.h"
#include "hl-stippler.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_data ((const char *) data, size, &error);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(HlDesign) reloaded = NULL;
  const HlView *view;
  double area = 0;

  if (design == NULL)
    {
      g_assert_true (error != NULL && error->domain == HL_ERROR);
      return 0;
    }

  text = hl_design_to_json (design, NULL);
  reloaded = hl_design_load_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  again = hl_design_to_json (reloaded, NULL);
  g_assert_cmpstr (text, ==, again);

  view = hl_design_get_view (design, 0);
  for (guint i = 0; i < hl_view_get_n_zones (view); i++)
    area += hl_curve_area (hl_view_get_zone (view, i)->boundary);
  if (area < 4e6)
    {
      g_autoptr(GArray) dots = hl_stipple_view (view, design->seed);

      g_assert_nonnull (dots);
    }

  return 0;
}

static const char * const tokens[] = {
  "1e999", "-1", "0", "null", "true", "\"\"", "[", "]", "{", "}", ",", ":", "\"x\"",
  "[[0,0],[1e6,1e6],[-1e6,0]]", "\"density\": 400", "\"version\": 3", "\xff", "\\u0000", "4294967296",
};

static GBytes *
mutate (const char *base,
        gsize       len,
        HlRng      *rng)
{
  GString *s = g_string_new_len (base, len);
  guint n = 1 + hl_rng_below (rng, 4);

  for (guint k = 0; k < n && s->len > 0; k++)
    {
      gsize at = hl_rng_below (rng, (guint32) s->len);

      switch (hl_rng_below (rng, 5))
        {
        case 0:   /* flip a byte */
          s->str[at] = (char) hl_rng_below (rng, 256);
          break;
        case 1:   /* cut the tail */
          g_string_truncate (s, at);
          break;
        case 2:   /* delete a span */
          {
            gsize span = hl_rng_below (rng, 40) + 1;

            g_string_erase (s, at, MIN (span, s->len - at));
          }
          break;
        case 3:   /* insert a token */
          g_string_insert (s, at, tokens[hl_rng_below (rng, G_N_ELEMENTS (tokens))]);
          break;
        default:  /* replace a number-looking run with a token */
          while (at < s->len && !g_ascii_isdigit (s->str[at]))
            at++;
          if (at < s->len)
            {
              gsize end = at;

              while (end < s->len && (g_ascii_isdigit (s->str[end]) || s->str[end] == '.'))
                end++;
              g_string_erase (s, at, end - at);
              g_string_insert (s, at, tokens[hl_rng_below (rng, 3)]);
            }
          break;
        }
    }

  return g_string_free_to_bytes (s);
}

int
main (int    argc,
      char **argv)
{
  const char *samples = g_getenv ("HL_SAMPLES_DIR");
  const char *iterations_env = g_getenv ("HL_FUZZ_ITERATIONS");
  guint iterations = iterations_env != NULL ? (guint) g_ascii_strtoull (iterations_env, NULL, 10) : 4000;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint inputs = 0, loaded = 0;
  HlRng rng;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (samples);
  dir = g_dir_open (samples, 0, NULL);
  g_assert_nonnull (dir);
  hl_rng_init (&rng, 20261124);

  printf ("1..1\n");
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (samples, name, NULL);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      LLVMFuzzerTestOneInput ((const guint8 *) data, len);
      inputs++;

      for (guint i = 0; i < iterations; i++)
        {
          g_autoptr(GBytes) bytes = mutate (data, len, &rng);
          gsize n;
          const guint8 *d = g_bytes_get_data (bytes, &n);
          g_autoptr(HlDesign) probe = hl_design_load_from_data ((const char *) d, n, NULL);

          loaded += probe != NULL;
          LLVMFuzzerTestOneInput (d, n);
          inputs++;
        }
    }

  printf ("# %u inputs, %u of them loaded as designs\n", inputs, loaded);
  printf ("ok 1 every input refused cleanly or round-tripped\n");
  return 0;
}
