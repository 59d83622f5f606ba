/* hl-write-helper.c: a tiny program the output tests start and kill.
 *
 *   hl-write-helper save IN OUT COUNT   load IN, save it to OUT COUNT times
 *   hl-write-helper hold OUT            open OUT atomically, write a little,
 *                                       print the temporary path and wait
 *
 * Both install the SIGINT/SIGTERM cleanup the command-line tool uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hl-atomic-file.h"
#include "hl-design-io.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  hl_atomic_file_install_signal_cleanup ();

  if (argc == 5 && strcmp (argv[1], "save") == 0)
    {
      g_autoptr(HlDesign) design = hl_design_load_from_file (argv[2], &error);
      int count = atoi (argv[4]);

      if (design == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      for (int i = 0; i < count; i++)
        {
          g_free (design->client_label);
          design->client_label = g_strdup_printf ("Saved %d", i);
          if (!hl_design_save_to_file (design, argv[3], &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
        }
      return 0;
    }

  if (argc == 3 && strcmp (argv[1], "hold") == 0)
    {
      HlAtomicFile *file = hl_atomic_file_new (argv[2], NULL, HL_ATOMIC_FILE_DEFAULT, &error);

      if (file == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      hl_atomic_file_write (file, "partial", 7);
      fflush (hl_atomic_file_get_stream (file));
      printf ("%s\n", hl_atomic_file_get_temp_path (file));
      fflush (stdout);
      /* Never outlive a test that failed before killing us. */
      alarm (60);
      for (;;)
        pause ();
    }

  fprintf (stderr, "usage: hl-write-helper save IN OUT COUNT | hold OUT\n");
  return 2;
}
