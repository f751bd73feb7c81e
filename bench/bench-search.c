/* bench-search.c — how long the search takes per keystroke on a big program.
 *
 * Loads the 39C3 program (895 talks, about 1 MB of text) from $OC3_FIXTURES,
 * builds the index, then types realistic queries one letter at a time, as
 * the search view and GNOME Shell do, and reports the median and worst times
 * per keystroke. "Cold" repeats each keystroke's query on an index that has
 * no last query to narrow, the cost of a pasted query or a deletion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "oc3-schedule.h"
#include "oc3-search-index.h"

#define ROUNDS 20

static const char * const queries[] = {
  "confidential computing",
  "bluetooth",
  "chaos computer club",
  "überwachung",
  "security hardware hacking",
  "kühnreich",
  "opening ceremony",
  "rust",
  "lightning talks",
  "sao paulo",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  fraction)
{
  guint position = (guint) (fraction * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, position);
}

static void
report (const char *what,
        GArray     *times_ms)
{
  g_array_sort (times_ms, compare_doubles);
  g_print ("%-28s n=%-5u median %.3f ms   p95 %.3f ms   max %.3f ms\n", what, times_ms->len,
           percentile (times_ms, 0.5), percentile (times_ms, 0.95),
           g_array_index (times_ms, double, times_ms->len - 1));
}

/* Runs one query and returns how long it took, in milliseconds. */
static double
timed_query (Oc3SearchIndex *index,
             const char     *query)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GListModel) results = oc3_search_index_query (index, query, 0);

  /* Reading the count keeps the query from being optimised away. */
  if (g_list_model_get_n_items (results) == G_MAXUINT)
    abort ();

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *fixtures = g_getenv ("OC3_FIXTURES");
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  g_autoptr (Oc3SearchIndex) index = NULL;
  g_autoptr (GArray) build_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) typing_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cold_ms = g_array_new (FALSE, FALSE, sizeof (double));

  if (fixtures == NULL)
    {
      g_print ("OC3_FIXTURES is not set: no 39C3 program to measure\n");
      return 77;
    }

  path = g_build_filename (fixtures, "c3voc-39C3_everything.schedule.json", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_print ("%s is missing: no 39C3 program to measure\n", path);
      return 77;
    }

  file = g_file_new_for_path (path);
  conference = oc3_schedule_load_file (file, NULL, &error);
  if (conference == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }

  for (int round = 0; round < 10; round++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (Oc3SearchIndex) built = oc3_search_index_new (conference);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (build_ms, ms);
    }

  index = oc3_search_index_new (conference);

  for (int round = 0; round < ROUNDS; round++)
    {
      for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          glong length = g_utf8_strlen (queries[q], -1);

          /* The search entry starts empty, as when the view opens. */
          timed_query (index, "");

          for (glong n = 1; n <= length; n++)
            {
              g_autofree char *typed = g_utf8_substring (queries[q], 0, n);
              double ms = timed_query (index, typed);

              g_array_append_val (typing_ms, ms);

              /* The same query with nothing to narrow; it leaves the index
               * as typing did, for the next letter. */
              timed_query (index, "");
              ms = timed_query (index, typed);
              g_array_append_val (cold_ms, ms);
            }
        }
    }

  g_print ("39C3: %u talks\n", g_list_model_get_n_items (oc3_conference_get_talks (conference)));
  report ("build the index", build_ms);
  report ("per keystroke, typing", typing_ms);
  report ("per keystroke, cold", cold_ms);

  return 0;
}
