/* fuzz-schedule-xml.c — libFuzzer target for the schedule.xml reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds any bytes to the schedule.xml reader itself (not through the format
 * sniffing, so that every input reaches it); a schedule that parses is
 * walked through every getter, as the UI would. A failure must be an
 * OC3_SCHEDULE_ERROR whose message names a path. Built with
 * -Dfuzzing=true (clang).
 */

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oc3-check.h"
#include "oc3-schedule-private.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GTimeZone *default_zone;

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
  default_zone = g_time_zone_new_identifier ("Europe/Brussels");

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
      GPtrArray *attachments = oc3_talk_get_attachments (talk);
      g_autofree char *start = g_date_time_format_iso8601 (oc3_talk_get_start (talk));

      g_assert_nonnull (oc3_talk_get_guid (talk));
      g_assert_nonnull (oc3_talk_get_title (talk));
      g_assert_nonnull (start);
      g_assert_cmpint (oc3_talk_get_duration (talk), >=, 0);
      g_assert_true (g_utf8_validate (oc3_talk_get_title (talk), -1, NULL));
      if (oc3_talk_get_description (talk) != NULL)
        g_assert_true (g_utf8_validate (oc3_talk_get_description (talk), -1, NULL));

      for (guint p = 0; p < g_list_model_get_n_items (persons); p++)
        {
          g_autoptr (Oc3Person) person = g_list_model_get_item (persons, p);

          g_assert_nonnull (oc3_person_get_name (person));
        }
      for (guint l = 0; l < links->len; l++)
        g_assert_nonnull (((Oc3Link *) links->pdata[l])->url);
      for (guint l = 0; l < attachments->len; l++)
        g_assert_nonnull (((Oc3Link *) attachments->pdata[l])->url);
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
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  g_autofree char *summary = NULL;

  if (size > OC3_SCHEDULE_MAX_INPUT_SIZE)
    return 0;

  conference = oc3_schedule_read_xml ((const char *) data, size, default_zone, NULL, &error);
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

      g_assert_nonnull (oc3_day_get_date (day));
      walk_talks (oc3_day_get_talks (day));
    }
  summary = oc3_check_format_summary (conference, TRUE);
  g_assert_true (g_utf8_validate (summary, -1, NULL));

  return 0;
}
