/* oc3-talk-day.c — which day of the conference a talk belongs to, for the
 * lists that group talks by day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-talk-day.h"
#include "oc3-time.h"

/**
 * oc3_talk_find_day:
 * @talk: a talk
 * @conference: the conference @talk is in
 *
 * The program's day for @talk, which is not always the date it starts on:
 * a talk at 01:00 belongs to the evening before, as on the printed program.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL if the program has none
 */
Oc3Day *
oc3_talk_find_day (Oc3Talk       *talk,
                   Oc3Conference *conference)
{
  GListModel *days;
  int index;

  g_return_val_if_fail (OC3_IS_TALK (talk), NULL);
  g_return_val_if_fail (OC3_IS_CONFERENCE (conference), NULL);

  days = oc3_conference_get_days (conference);
  index = oc3_talk_get_day_index (talk);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr (Oc3Day) day = g_list_model_get_item (days, i);

      if (oc3_day_get_index (day) == index)
        return g_steal_pointer (&day);
    }

  return NULL;
}

/**
 * oc3_talk_format_day:
 * @talk: a talk
 * @conference: the conference @talk is in
 *
 * Returns: (transfer full): the date of the talk's day, e.g. "Wednesday, 13 March 2024"
 */
char *
oc3_talk_format_day (Oc3Talk       *talk,
                     Oc3Conference *conference)
{
  g_autoptr (Oc3Day) day = oc3_talk_find_day (talk, conference);
  GTimeZone *zone = oc3_conference_get_time_zone (conference);

  return oc3_time_format_day (day != NULL ? oc3_day_get_date (day) : oc3_talk_get_start (talk), zone);
}
