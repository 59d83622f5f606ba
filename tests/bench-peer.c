/* bench-peer.c: a fresh `hairline dots` process against a JavaScript
 * Poisson-disk sampler generating as many points in-process.
 *
 * The zone is the engine benchmark's (bench-engine.c): 100 cm² (1000 ×
 * 1000 px at 0.1 mm/px) at 60 dots/cm² behind a wavy hairline with an
 * 8 mm transition. Measured:
 *   - `hairline dots DESIGN -o FILE` as a new process, wall time from
 *     spawn to exit (reading the design, the first stipple, writing the
 *     CSV), median of 11;
 *   - the npm package fast-2d-poisson-disk-sampling (pinned below),
 *     installed into the build directory, filling a 1000 × 1000 square with
 *     a radius that gives as many points: its first fill in a new node
 *     process and its warm fill (after three warm-up fills), both timed
 *     in-process around fill() alone; median over 5 node processes.
 * Needs node and npm (and the npm registry the first time): without them
 * it exits 77 (skipped). Prints numbers; asserts nothing about time.
 * `bench-peer --write-design PATH` only writes the zone's design, for
 * profiling `hairline dots` on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-design.h"
#include "hl-test-util.h"

#define PEER_PACKAGE "fast-2d-poisson-disk-sampling"
#define PEER_VERSION "1.0.3"
#define SIDE_PX 1000
#define RUNS 11
#define NODE_RUNS 5

/* The engine benchmark's zone, as a design file. */
static void
write_design (const char *path)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");
  g_autoptr(GError) error = NULL;
  HlCalibration cal = { HL_CALIBRATION_MANUAL, 0.1, 0.02 };
  HlPoint z[] = { { 0, 0 }, { SIDE_PX, 0 }, { SIDE_PX, SIDE_PX }, { 0, SIDE_PX } };
  gboolean corners[] = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(HlCurve) outline = hl_curve_new_full (z, corners, 4, TRUE);
  g_autoptr(HlCurve) hair = NULL;
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;
  HlPoint h[9];

  for (guint i = 0; i < 9; i++)
    h[i] = (HlPoint) { -100 + i * (SIDE_PX + 200) / 8.0, SIDE_PX - 150 + ((int) (i % 3) - 1) * 40.0 };
  hair = hl_curve_new (h, 9, FALSE);
  hl_view_set_calibration (view, &cal);
  hl_zone_params_init (&zp);
  zp.density = 60;
  zp.transition_mm = 8;
  zp.follows_hairline = TRUE;
  zp.seed = 101;
  zone = hl_zone_new ("Frontal", HL_ZONE_FRONTAL, outline, &zp);
  hl_view_append_zone (view, zone);
  hl_view_set_hairline (view, hair);
  hl_design_append_view (design, view);
  hl_design_set_seed (design, 1);
  if (!hl_design_save_to_file (design, path, &error))
    g_error ("%s", error->message);
}

/* Runs @argv (NULL-terminated) with @env (NULL: inherited); returns its
 * standard output (transfer full) or NULL when it failed. */
static char *
run (const char * const *argv,
     char              **env,
     double             *wall_ms)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  gint64 t0 = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_free (out);
      return NULL;
    }
  if (wall_ms != NULL)
    *wall_ms = (g_get_monotonic_time () - t0) / 1e3;
  return out;
}

int
main (int    main_argc,
      char **main_argv)
{
  const char *hairline = g_getenv ("HAIRLINE");
  const char *build_dir = g_getenv ("HL_BUILD_DIR");
  const char *source_dir = g_getenv ("HL_SOURCE_DIR");
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *npm = g_find_program_in_path ("npm");
  g_autofree char *dir = g_dir_make_tmp ("hl-bench-XXXXXX", NULL);
  g_autofree char *design = g_build_filename (dir, "zone-100cm2.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "dots.csv", NULL);
  g_autofree char *prefix = NULL, *installed = NULL, *script = NULL, *modules = NULL;
  g_autofree char *text = NULL, *radius = NULL, *n_text = NULL;
  g_auto(GStrv) env = NULL;
  double wall[RUNS], first[NODE_RUNS], warm[NODE_RUNS], load[NODE_RUNS], node_wall[NODE_RUNS];
  guint n_dots = 0, n_peer = 0;
  double t_ours;

  if (main_argc == 3 && strcmp (main_argv[1], "--write-design") == 0)
    {
      write_design (main_argv[2]);
      return 0;
    }
  if (hairline == NULL || build_dir == NULL || source_dir == NULL)
    {
      printf ("HAIRLINE, HL_BUILD_DIR and HL_SOURCE_DIR must be set (meson test sets them)\n");
      return 77;
    }
  printf ("# a fresh hairline process against a JavaScript Poisson-disk sampler in-process\n");

  /* Ours: a new `hairline dots` process per run; the first run, untimed,
   * brings the program and the design into the page cache. */
  write_design (design);
  for (int k = -1; k < RUNS; k++)
    {
      const char *argv[] = { hairline, "dots", design, "-o", csv, NULL };
      g_autofree char *out = run (argv, NULL, k >= 0 ? &wall[k] : NULL);

      if (out == NULL)
        g_error ("hairline dots failed");
    }
  if (!g_file_get_contents (csv, &text, NULL, NULL))
    g_error ("no dots written");
  for (const char *c = text; *c != '\0'; c++)
    n_dots += *c == '\n';
  n_dots -= 1;   /* the header */
  t_ours = hl_test_percentile (wall, RUNS, 0.5);
  printf ("hairline dots, fresh process writing the 100 cm² zone's dots (60/cm², 8 mm transition; CSV): "
          "%u dots, wall p50 %.2f ms over %d processes (start, read the design, stipple, write, exit)\n",
          n_dots, t_ours, RUNS);
  g_unlink (csv);
  g_unlink (design);
  g_rmdir (dir);

  if (node == NULL || npm == NULL)
    {
      printf ("JavaScript peer: node or npm not found, skipped\n");
      return 77;
    }

  /* The peer, pinned, into the build directory (no lock file, nothing in
   * the source tree). */
  prefix = g_build_filename (build_dir, "tests", "js-peer", NULL);
  installed = g_build_filename (prefix, "node_modules", PEER_PACKAGE, "package.json", NULL);
  modules = g_build_filename (prefix, "node_modules", NULL);
  script = g_build_filename (source_dir, "tests", "bench-peer.js", NULL);
  {
    g_autofree char *manifest = NULL;

    if (!g_file_get_contents (installed, &manifest, NULL, NULL) ||
        strstr (manifest, "\"version\": \"" PEER_VERSION "\"") == NULL)
      {
        const char *argv[] = { npm, "install", "--prefix", prefix, "--no-save", "--no-package-lock",
                               "--no-audit", "--no-fund", "--loglevel=error",
                               PEER_PACKAGE "@" PEER_VERSION, NULL };
        g_autofree char *out = NULL;

        g_mkdir_with_parents (prefix, 0755);
        out = run (argv, NULL, NULL);
        if (out == NULL || !g_file_test (installed, G_FILE_TEST_EXISTS))
          {
            printf ("JavaScript peer: npm install %s@%s failed (no registry?), skipped\n",
                    PEER_PACKAGE, PEER_VERSION);
            return 77;
          }
      }
  }

  env = g_environ_setenv (g_get_environ (), "NODE_PATH", modules, TRUE);
  n_text = g_strdup_printf ("%u", n_dots);
  {
    const char *argv[] = { node, script, "calibrate", n_text, G_STRINGIFY (SIDE_PX), NULL };

    radius = run (argv, env, NULL);
    if (radius == NULL)
      g_error ("node %s calibrate failed", script);
    g_strstrip (radius);
  }
  for (guint k = 0; k < NODE_RUNS; k++)
    {
      const char *argv[] = { node, script, "time", radius, G_STRINGIFY (SIDE_PX), NULL };
      g_autofree char *out = run (argv, env, &node_wall[k]);

      if (out == NULL || sscanf (out, "%u %lf %lf %lf", &n_peer, &first[k], &warm[k], &load[k]) != 4)
        g_error ("node %s time failed", script);
    }

  printf ("%s %s (node %s), in-process, %u points in a %d × %d px square (radius %s px): "
          "first fill in a new process p50 %.2f ms, warm fill p50 %.2f ms (after 3 warm-up fills; "
          "median of %d processes); require() %.2f ms; the whole node process %.1f ms wall\n",
          PEER_PACKAGE, PEER_VERSION, node, n_peer, SIDE_PX, SIDE_PX, radius,
          hl_test_percentile (first, NODE_RUNS, 0.5), hl_test_percentile (warm, NODE_RUNS, 0.5), NODE_RUNS,
          hl_test_percentile (load, NODE_RUNS, 0.5), hl_test_percentile (node_wall, NODE_RUNS, 0.5));
  printf ("ratio: the peer's first fill in-process / a fresh hairline process = %.2f; "
          "its warm fill / a fresh hairline process = %.2f (above 1: the fresh hairline process is faster)\n",
          hl_test_percentile (first, NODE_RUNS, 0.5) / t_ours, hl_test_percentile (warm, NODE_RUNS, 0.5) / t_ours);
  return 0;
}
