/* oc3-talk-format.c — a talk's facts as short texts for rows, blocks,
 * notifications and screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-person.h"
#include "oc3-room.h"
#include "oc3-talk-format.h"
#include "oc3-time.h"
#include "oc3-track.h"

/* Talks without a room are shown together, under an empty name. */
const char *
oc3_talk_get_room_name (Oc3Talk *talk)
{
  Oc3Room *room = oc3_talk_get_room (talk);

  return room != NULL ? oc3_room_get_name (room) : "";
}

/* The track's colour; talks without a track are grey. */
const char *
oc3_talk_get_color (Oc3Talk *talk)
{
  Oc3Track *track = oc3_talk_get_track (talk);

  return track != NULL ? oc3_track_get_color (track) : "#9a9996";
}

/* "Alice, Bob and Carol", or "" when nobody is named. */
char *
oc3_talk_format_speakers (Oc3Talk *talk)
{
  GListModel *persons = oc3_talk_get_persons (talk);
  guint n = g_list_model_get_n_items (persons);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (Oc3Person) person = g_list_model_get_item (persons, i);

      if (i > 0)
        /* Translators: the separators in a list of speakers: "Alice, Bob and Carol". */
        g_string_append (text, i + 1 == n ? _(" and ") : _(", "));
      g_string_append (text, oc3_person_get_name (person));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What a screen reader says for a talk in the timeline or a list:
 * title, time and room, then the speakers. */
char *
oc3_talk_format_accessible_summary (Oc3Talk   *talk,
                                    GTimeZone *zone)
{
  g_autofree char *range = oc3_time_format_range (oc3_talk_get_start (talk), oc3_talk_get_end (talk), zone);
  g_autofree char *speakers = oc3_talk_format_speakers (talk);
  const char *room = oc3_talk_get_room_name (talk);

  if (*speakers == '\0')
    /* Translators: a talk for screen readers: title, time range, room. */
    return g_strdup_printf (_("%s, %s, %s"), oc3_talk_get_title (talk), range, room);

  /* Translators: a talk for screen readers: title, time range, room, speakers. */
  return g_strdup_printf (_("%s, %s, %s, by %s"), oc3_talk_get_title (talk), range, room, speakers);
}
