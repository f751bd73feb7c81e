/* fuzz-schedule.c — libFuzzer target for the schedule.json reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds any bytes to oc3_schedule_parse(); a schedule that parses is walked
 * through every getter and summarised, as the UI and oc3 --check would. A
 * failure must be an OC3_SCHEDULE_ERROR whose message names a path. Built
 * with -Dfuzzing=true (clang); run with build-aux/dev fuzz MINUTES.
 */

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oc3-check.h"
#include "oc3-schedule.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A critical or a warning is a bug the fuzzer should stop at, with abort()
 * rather than GLib's breakpoint trap, so that libFuzzer saves the input. */
static void
abort_on_log (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  g_log_default_handler (domain, level, message, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (abort_on_log, NULL);

  return 0;
}

static void
walk_talks (GListModel *talks)
{
  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);
      GListModel *persons = oc3_talk_get_persons (talk);
      GPtrArray *links = oc3_talk_get_links (talk);
      g_autofree char *start = g_date_time_format_iso8601 (oc3_talk_get_start (talk));

      g_assert_nonnull (oc3_talk_get_guid (talk));
      g_assert_nonnull (oc3_talk_get_title (talk));
      g_assert_nonnull (start);
      g_assert_cmpint (oc3_talk_get_duration (talk), >=, 0);
      g_assert_true (g_utf8_validate (oc3_talk_get_title (talk), -1, NULL));

      for (guint p = 0; p < g_list_model_get_n_items (persons); p++)
        {
          g_autoptr (Oc3Person) person = g_list_model_get_item (persons, p);

          g_assert_nonnull (oc3_person_get_name (person));
        }
      for (guint l = 0; l < links->len; l++)
        g_assert_nonnull (((Oc3Link *) links->pdata[l])->url);
      if (oc3_talk_get_room (talk) != NULL)
        g_assert_nonnull (oc3_room_get_name (oc3_talk_get_room (talk)));
      if (oc3_talk_get_track (talk) != NULL)
        g_assert_cmpuint (strlen (oc3_track_get_color (oc3_talk_get_track (talk))), ==, 7);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = oc3_schedule_parse (bytes, &error);

  if (conference == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == OC3_SCHEDULE_ERROR);
      g_assert_nonnull (strstr (error->message, ": "));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_null (error);
  walk_talks (oc3_conference_get_talks (conference));
  for (guint i = 0; i < g_list_model_get_n_items (oc3_conference_get_days (conference)); i++)
    {
      g_autoptr (Oc3Day) day = g_list_model_get_item (oc3_conference_get_days (conference), i);

      walk_talks (oc3_day_get_talks (day));
    }
  for (guint i = 0; i < g_list_model_get_n_items (oc3_conference_get_persons (conference)); i++)
    {
      g_autoptr (Oc3Person) person =
        g_list_model_get_item (oc3_conference_get_persons (conference), i);

      walk_talks (oc3_person_get_talks (person));
    }

  for (const char * const *w = oc3_conference_get_warnings (conference); *w != NULL; w++)
    g_assert_true (g_utf8_validate (*w, -1, NULL));

  g_free (oc3_check_format_summary (conference, FALSE));
  g_free (oc3_check_format_summary (conference, TRUE));

  return 0;
}
