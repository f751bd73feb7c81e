/* bench-parse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long parsing a schedule and building its model takes, and how much
 * memory the model keeps: for each schedule.json in $OC3_FIXTURES (or the
 * files given as arguments) and for a synthetic schedule ten times the
 * largest, made in memory by repeating its days with fresh guids.
 *
 * Time: the median of RUNS parses (each building the whole model), after
 * one warm-up; json-glib's JsonParser on the same bytes is the baseline.
 * Model: heap in use (mallinfo2 uordblks + hblkhd) with the model alive and
 * everything else freed, minus before. Peak: ru_maxrss growth of a child
 * process that reads the file once and parses it once.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oc3-schedule.h"

#define RUNS 9
#define COPIES 10

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 info;

  malloc_trim (0);
  info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* One parse, building the whole model, in ms; freeing it is not counted. */
static double
parse_once (GBytes *bytes,
            guint  *n_talks)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 end;

  conference = oc3_schedule_parse (bytes, &error);
  end = g_get_monotonic_time ();
  if (conference == NULL)
    g_error ("%s", error->message);
  *n_talks = g_list_model_get_n_items (oc3_conference_get_talks (conference));

  return (end - start) / 1000.0;
}

static double
time_oc3 (GBytes *bytes,
          guint  *n_talks)
{
  double times[RUNS];

  /* The first run warms up the type system and caches. */
  parse_once (bytes, n_talks);
  for (guint i = 0; i < RUNS; i++)
    times[i] = parse_once (bytes, n_talks);

  return median (times, RUNS);
}

static double
time_json_glib (GBytes *bytes)
{
  double times[RUNS];

  for (guint i = 0; i <= RUNS; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();
      gint64 start = g_get_monotonic_time ();
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      if (!json_parser_load_from_data (parser, data, length, NULL))
        return -1;
      if (i > 0)
        times[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }

  return median (times, RUNS);
}

static gsize
model_memory (GBytes *bytes)
{
  g_autoptr (Oc3Conference) conference = NULL;
  gsize before = heap_in_use ();
  gsize after;

  conference = oc3_schedule_parse (bytes, NULL);
  after = heap_in_use ();

  return after > before ? after - before : 0;
}

/* ru_maxrss only grows, so each measurement runs in a fresh child. */
static long
peak_rss_kib (GBytes *bytes)
{
  int fds[2];
  pid_t pid;
  long peak = -1;

  if (pipe (fds) != 0)
    return -1;

  pid = fork ();
  if (pid == 0)
    {
      struct rusage before, after;
      Oc3Conference *conference;
      long delta;

      close (fds[0]);
      getrusage (RUSAGE_SELF, &before);
      conference = oc3_schedule_parse (bytes, NULL);
      getrusage (RUSAGE_SELF, &after);
      delta = after.ru_maxrss - before.ru_maxrss;
      if (write (fds[1], &delta, sizeof delta) != sizeof delta)
        _exit (1);
      g_clear_object (&conference);
      _exit (0);
    }

  close (fds[1]);
  if (pid > 0)
    {
      if (read (fds[0], &peak, sizeof peak) != sizeof peak)
        peak = -1;
      waitpid (pid, NULL, 0);
    }
  close (fds[0]);

  return peak;
}

/* Repeats the days of @bytes COPIES times, each copy's talks with new guids
 * (so none is a duplicate) and its days with new indices. */
static GBytes *
make_synthetic (GBytes *bytes)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  JsonObject *conference;
  JsonArray *days;
  g_autoptr (JsonArray) copies = json_array_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  char *text;

  if (!json_parser_load_from_data (parser, data, length, NULL))
    return NULL;

  conference = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                   "schedule"),
    "conference");
  days = json_object_get_array_member (conference, "days");

  for (guint copy = 0; copy < COPIES; copy++)
    for (guint d = 0; d < json_array_get_length (days); d++)
      {
        JsonNode *day = json_node_copy (json_array_get_element (days, d));
        JsonObject *rooms = json_object_get_object_member (json_node_get_object (day), "rooms");
        g_autoptr (GList) names = json_object_get_members (rooms);

        json_object_set_int_member (json_node_get_object (day), "index",
                                    copy * json_array_get_length (days) + d + 1);
        for (GList *l = names; l != NULL; l = l->next)
          {
            JsonArray *events = json_object_get_array_member (rooms, l->data);

            for (guint e = 0; e < json_array_get_length (events); e++)
              {
                JsonObject *event = json_array_get_object_element (events, e);
                const char *guid = json_object_get_string_member (event, "guid");
                g_autofree char *fresh = g_strdup_printf ("%s-copy%u", guid, copy);

                json_object_set_string_member (event, "guid", fresh);
              }
          }
        json_array_add_element (copies, day);
      }

  json_object_set_array_member (conference, "days", json_array_ref (copies));
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

static void
bench (const char *name,
       GBytes     *bytes)
{
  gsize size = g_bytes_get_size (bytes);
  guint n_talks = 0;
  double oc3_ms = time_oc3 (bytes, &n_talks);
  double json_glib_ms = time_json_glib (bytes);
  gsize model = model_memory (bytes);
  long peak = peak_rss_kib (bytes);

  g_print ("%-40s %9.1f %6u %9.2f %11.2f %9.1f %6.2f %9.1f\n",
           name, size / 1024.0, n_talks, oc3_ms, json_glib_ms,
           model / 1024.0, (double) model / size, peak / 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GBytes) largest = NULL;
  g_autofree char *largest_name = NULL;
  double largest_ms = 0;

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (paths, g_strdup (argv[i]));

  if (paths->len == 0)
    {
      const char *dir_path = g_getenv ("OC3_FIXTURES");
      g_autoptr (GDir) dir = NULL;
      const char *name;

      /* 77: meson's "skipped", on a clone without the shared fixtures. */
      if (dir_path == NULL || (dir = g_dir_open (dir_path, 0, NULL)) == NULL)
        {
          g_printerr ("bench-parse: the shared fixtures are not beside this checkout (%s); "
                      "give schedule.json files as arguments instead\n",
                      dir_path != NULL ? dir_path : "OC3_FIXTURES is not set");
          return 77;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".json"))
          g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
      g_ptr_array_sort_values (paths, (GCompareFunc) g_strcmp0);
    }

  g_print ("optimization: %s; %u runs, median; model = mallinfo2 heap delta; "
           "peak = ru_maxrss delta of a child\n",
#ifdef __OPTIMIZE__
           "on",
#else
           "off",
#endif
           RUNS);
  g_print ("%-40s %9s %6s %9s %11s %9s %6s %9s\n", "file", "KiB", "talks", "oc3 ms",
           "json-glib ms", "model KiB", "xfile", "peak KiB");

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);
      g_autoptr (GBytes) bytes = NULL;
      gsize length;

      if (!g_file_get_contents (paths->pdata[i], &contents, &length, &error))
        g_error ("%s", error->message);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      bench (name, bytes);

      if (largest == NULL || length > g_bytes_get_size (largest))
        {
          g_clear_pointer (&largest, g_bytes_unref);
          largest = g_bytes_ref (bytes);
          g_set_str (&largest_name, name);
        }
    }

  if (largest != NULL)
    {
      g_autoptr (GBytes) synthetic = make_synthetic (largest);
      g_autofree char *name = g_strdup_printf ("%ux %s", COPIES, largest_name);
      guint n_talks;
      double synthetic_ms;
      double pair_times[2][RUNS];

      if (synthetic == NULL)
        g_error ("could not build the synthetic schedule");
      bench (name, synthetic);

      /* Alternating the two, so that both see the same load on a busy machine. */
      for (guint i = 0; i < RUNS; i++)
        {
          pair_times[0][i] = parse_once (largest, &n_talks);
          pair_times[1][i] = parse_once (synthetic, &n_talks);
        }
      largest_ms = median (pair_times[0], RUNS);
      synthetic_ms = median (pair_times[1], RUNS);
      g_print ("%ux the input took %.1fx the time (medians of %u alternating runs: "
               "%.2f ms against %.2f ms)\n",
               COPIES, synthetic_ms / largest_ms, RUNS, synthetic_ms, largest_ms);
    }

  return 0;
}
