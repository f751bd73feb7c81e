/* oc3-schedule-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "oc3-json-document.h"
#include "oc3-schedule-builder-private.h"
#include "oc3-schedule-private.h"
#include "oc3-text.h"

/*
 * Reads schedule.json v1 (frab, pretalx, the c3voc hub; see
 * ../shared/fixtures/schedules/README.md) into an Oc3Conference.
 *
 * Lenient where real files are odd: any member may be null, "" or missing
 * unless nothing can be placed without it; ids are numbers or strings;
 * persons and links come in several shapes; a talk's `date` (with its
 * offset) is the truth for its start, `start` with the day's date only a
 * fallback. What is odd but readable becomes a warning with its JSON path.
 *
 * Strict where nothing sensible can be read: the wrong type for a member
 * (an array as a title), a date, time or duration that does not parse, or a
 * talk that cannot be placed in time is an error naming its JSON path.
 */

typedef Oc3ScheduleBuilder Builder;

/* Members a reader looks at, kept in sorted order for bsearch(); each list
 * has an enum in the same order. */
#define AS_ENUM(symbol, name) symbol,
#define AS_NAME(symbol, name) name,

#define SCHEDULE_MEMBERS(X) \
  X (SCHEDULE_BASE_URL, "base_url") \
  X (SCHEDULE_CONFERENCE, "conference") \
  X (SCHEDULE_VERSION, "version")

#define CONFERENCE_MEMBERS(X) \
  X (CONFERENCE_ACRONYM, "acronym") \
  X (CONFERENCE_BASE_URL, "base_url") \
  X (CONFERENCE_DAYS, "days") \
  X (CONFERENCE_DESCRIPTION, "description") \
  X (CONFERENCE_END, "end") \
  X (CONFERENCE_ROOMS, "rooms") \
  X (CONFERENCE_START, "start") \
  X (CONFERENCE_TIME_ZONE_NAME, "time_zone_name") \
  X (CONFERENCE_TITLE, "title") \
  X (CONFERENCE_TRACKS, "tracks") \
  X (CONFERENCE_URL, "url") \
  X (CONFERENCE_VENUE, "venue")

#define DAY_MEMBERS(X) \
  X (DAY_DATE, "date") \
  X (DAY_DAY_END, "day_end") \
  X (DAY_DAY_START, "day_start") \
  X (DAY_INDEX, "index") \
  X (DAY_ROOMS, "rooms")

#define EVENT_MEMBERS(X) \
  X (EVENT_ABSTRACT, "abstract") \
  X (EVENT_ATTACHMENTS, "attachments") \
  X (EVENT_DATE, "date") \
  X (EVENT_DESCRIPTION, "description") \
  X (EVENT_DO_NOT_RECORD, "do_not_record") \
  X (EVENT_DURATION, "duration") \
  X (EVENT_END, "end") \
  X (EVENT_GUID, "guid") \
  X (EVENT_ID, "id") \
  X (EVENT_LANGUAGE, "language") \
  X (EVENT_LINKS, "links") \
  X (EVENT_LOGO, "logo") \
  X (EVENT_PERSONS, "persons") \
  X (EVENT_RECORDING_LICENSE, "recording_license") \
  X (EVENT_ROOM, "room") \
  X (EVENT_SLUG, "slug") \
  X (EVENT_START, "start") \
  X (EVENT_SUBTITLE, "subtitle") \
  X (EVENT_TITLE, "title") \
  X (EVENT_TRACK, "track") \
  X (EVENT_TYPE, "type") \
  X (EVENT_URL, "url")

#define PERSON_MEMBERS(X) \
  X (PERSON_AFFILIATION, "affiliation") \
  X (PERSON_BIOGRAPHY, "biography") \
  X (PERSON_CODE, "code") \
  X (PERSON_COMPANY, "company") \
  X (PERSON_GUID, "guid") \
  X (PERSON_ID, "id") \
  X (PERSON_NAME, "name") \
  X (PERSON_ORGANIZATION, "organization") \
  X (PERSON_PUBLIC_NAME, "public_name") \
  X (PERSON_ROLE, "role")

#define LINK_MEMBERS(X) \
  X (LINK_HREF, "href") \
  X (LINK_TITLE, "title") \
  X (LINK_URL, "url")

#define ROOM_MEMBERS(X) \
  X (ROOM_DESCRIPTION, "description") \
  X (ROOM_GUID, "guid") \
  X (ROOM_NAME, "name")

#define TRACK_MEMBERS(X) \
  X (TRACK_COLOR, "color") \
  X (TRACK_NAME, "name")

enum { SCHEDULE_MEMBERS (AS_ENUM) N_SCHEDULE_MEMBERS };
enum { CONFERENCE_MEMBERS (AS_ENUM) N_CONFERENCE_MEMBERS };
enum { DAY_MEMBERS (AS_ENUM) N_DAY_MEMBERS };
enum { EVENT_MEMBERS (AS_ENUM) N_EVENT_MEMBERS };
enum { PERSON_MEMBERS (AS_ENUM) N_PERSON_MEMBERS };
enum { LINK_MEMBERS (AS_ENUM) N_LINK_MEMBERS };
enum { ROOM_MEMBERS (AS_ENUM) N_ROOM_MEMBERS };
enum { TRACK_MEMBERS (AS_ENUM) N_TRACK_MEMBERS };

static const char * const schedule_members[] = { SCHEDULE_MEMBERS (AS_NAME) };
static const char * const conference_members[] = { CONFERENCE_MEMBERS (AS_NAME) };
static const char * const day_members[] = { DAY_MEMBERS (AS_NAME) };
static const char * const event_members[] = { EVENT_MEMBERS (AS_NAME) };
static const char * const person_members[] = { PERSON_MEMBERS (AS_NAME) };
static const char * const link_members[] = { LINK_MEMBERS (AS_NAME) };
static const char * const room_members[] = { ROOM_MEMBERS (AS_NAME) };
static const char * const track_members[] = { TRACK_MEMBERS (AS_NAME) };

/* --- paths, warnings and errors --------------------------------------------- */

#define push_key(b, key) oc3_schedule_builder_push (b, key, 0, NULL)
#define push_index(b, index) oc3_schedule_builder_push (b, NULL, index, NULL)
#define pop(b) oc3_schedule_builder_pop (b)

/* Warnings and errors name the path the reader is at. */
#define warn(b, ...) oc3_schedule_builder_warn (b, __VA_ARGS__)
#define fail(b, ...) oc3_schedule_builder_fail (b, __VA_ARGS__)

static gboolean
fail_type (Builder    *b,
           guint32     node,
           const char *expected)
{
  return fail (b, OC3_SCHEDULE_ERROR_TYPE, _("expected %s, got %s"),
               expected, oc3_json_kind_to_string (oc3_json_kind (b->doc, node)));
}

static gboolean
fail_value (Builder    *b,
            const char *what,
            const char *text)
{
  return oc3_schedule_builder_fail_value (b, what, text);
}

static gboolean
cancelled (Builder *b)
{
  return oc3_schedule_builder_cancelled (b);
}

/* --- reading members ------------------------------------------------------- */

static int
compare_member_name (const void *key,
                     const void *element)
{
  return strcmp (key, *(const char * const *) element);
}

/* Fills @values with the value node of each member of @object named in
 * @names (OC3_JSON_NONE for those it lacks); a repeated member counts once,
 * the last time, as in JavaScript. */
static void
collect_members (Builder            *b,
                 guint32             object,
                 const char * const *names,
                 guint               n_names,
                 guint32            *values)
{
  guint32 n_members = oc3_json_length (b->doc, object);
  guint32 key = object + 1;

  for (guint i = 0; i < n_names; i++)
    values[i] = OC3_JSON_NONE;

  for (guint32 i = 0; i < n_members; i++)
    {
      const char * const *found = bsearch (oc3_json_text (b->doc, key), names, n_names,
                                           sizeof (char *), compare_member_name);

      if (found != NULL)
        values[found - names] = key + 1;
      key = oc3_json_next (b->doc, key + 1);
    }
}

static inline gboolean
is_absent (Builder *b,
           guint32  node)
{
  return node == OC3_JSON_NONE || oc3_json_kind (b->doc, node) == OC3_JSON_NULL;
}

/* Picks the text for the user's language from {lang: text}. */
static guint32
pick_language (Builder *b,
               guint32  object)
{
  guint32 n_members = oc3_json_length (b->doc, object);
  guint32 english = OC3_JSON_NONE;
  guint32 first = OC3_JSON_NONE;

  for (guint l = 0; b->languages[l] != NULL; l++)
    {
      guint32 key = object + 1;

      for (guint32 i = 0; i < n_members; i++)
        {
          if (oc3_json_kind (b->doc, key + 1) == OC3_JSON_STRING &&
              oc3_json_length (b->doc, key + 1) > 0)
            {
              const char *lang = oc3_json_text (b->doc, key);

              if (g_ascii_strcasecmp (lang, b->languages[l]) == 0)
                return key + 1;
              if (first == OC3_JSON_NONE)
                first = key + 1;
              if (english == OC3_JSON_NONE && g_ascii_strcasecmp (lang, "en") == 0)
                english = key + 1;
            }
          key = oc3_json_next (b->doc, key + 1);
        }
    }

  return english != OC3_JSON_NONE ? english : first;
}

/*
 * Reads a text member into @out: a string, cleaned (see oc3_text_clean());
 * a number or boolean as written; {lang: text} in the user's language. Null,
 * missing and empty give NULL. An array has no reading: an error.
 */
static gboolean
read_text (Builder  *b,
           guint32   node,
           char    **out)
{
  char *text = NULL;

  *out = NULL;

  if (is_absent (b, node))
    return TRUE;

  switch (oc3_json_kind (b->doc, node))
    {
    case OC3_JSON_STRING:
    case OC3_JSON_NUMBER:
      text = oc3_text_clean (oc3_json_text (b->doc, node), oc3_json_length (b->doc, node));
      break;

    case OC3_JSON_TRUE:
    case OC3_JSON_FALSE:
      text = g_strdup (oc3_json_kind (b->doc, node) == OC3_JSON_TRUE ? "true" : "false");
      break;

    case OC3_JSON_OBJECT:
      node = pick_language (b, node);
      if (node != OC3_JSON_NONE)
        text = oc3_text_clean (oc3_json_text (b->doc, node), oc3_json_length (b->doc, node));
      break;

    case OC3_JSON_ARRAY:
      return fail_type (b, node, _("a string"));

    case OC3_JSON_NULL:
    default:
      g_assert_not_reached ();
    }

  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);

  *out = text;

  return TRUE;
}

/* Like read_text(), but only a string or a number is a reading. */
static gboolean
read_string (Builder  *b,
             guint32   node,
             char    **out)
{
  *out = NULL;

  if (is_absent (b, node))
    return TRUE;

  if (oc3_json_kind (b->doc, node) != OC3_JSON_STRING &&
      oc3_json_kind (b->doc, node) != OC3_JSON_NUMBER)
    return fail_type (b, node, _("a string"));

  return read_text (b, node, out);
}

static gboolean
read_member_text (Builder    *b,
                  const char *name,
                  guint32     node,
                  char      **out)
{
  gboolean ok;

  push_key (b, name);
  ok = read_text (b, node, out);
  pop (b);

  return ok;
}

static gboolean
read_member_string (Builder    *b,
                    const char *name,
                    guint32     node,
                    char      **out)
{
  gboolean ok;

  push_key (b, name);
  ok = read_string (b, node, out);
  pop (b);

  return ok;
}

/* Free text with few distinct values (types, languages, licences) is
 * interned: 895 talks share a handful of strings. */
static gboolean
read_member_interned (Builder    *b,
                      const char *name,
                      guint32     node,
                      char      **out)
{
  g_autofree char *text = NULL;

  *out = NULL;
  if (!read_member_string (b, name, node, &text))
    return FALSE;
  if (text != NULL)
    *out = g_ref_string_new_intern (text);

  return TRUE;
}

static gboolean
read_member_boolean (Builder    *b,
                     const char *name,
                     guint32     node,
                     gboolean   *out)
{
  *out = FALSE;

  if (is_absent (b, node))
    return TRUE;

  push_key (b, name);
  switch (oc3_json_kind (b->doc, node))
    {
    case OC3_JSON_TRUE:
      *out = TRUE;
      break;

    case OC3_JSON_FALSE:
      break;

    case OC3_JSON_NUMBER:
      *out = g_ascii_strtod (oc3_json_text (b->doc, node), NULL) != 0;
      break;

    case OC3_JSON_STRING:
      {
        const char *text = oc3_json_text (b->doc, node);

        if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0 ||
            strcmp (text, "1") == 0)
          *out = TRUE;
        else if (g_ascii_strcasecmp (text, "false") == 0 ||
                 g_ascii_strcasecmp (text, "no") == 0 || strcmp (text, "0") == 0 ||
                 text[0] == '\0')
          *out = FALSE;
        else
          {
            fail_value (b, _("not a boolean"), text);
            pop (b);
            return FALSE;
          }
      }
      break;

    case OC3_JSON_NULL:
    case OC3_JSON_ARRAY:
    case OC3_JSON_OBJECT:
    default:
      fail_type (b, node, _("a boolean"));
      pop (b);
      return FALSE;
    }
  pop (b);

  return TRUE;
}

/* --- URLs ----------------------------------------------------------------- */

static gboolean
read_member_url (Builder    *b,
                 const char *name,
                 guint32     node,
                 char      **out)
{
  char *text = NULL;

  *out = NULL;
  push_key (b, name);
  if (!read_string (b, node, &text))
    {
      pop (b);
      return FALSE;
    }
  *out = oc3_schedule_builder_resolve_url (b, text);
  pop (b);

  return TRUE;
}

/* --- dates, times and durations --------------------------------------------- */

/* Reads a date-time member: NULL in @out if it is absent, an error if it is
 * not a date-time. */
static gboolean
read_member_date_time (Builder     *b,
                       const char  *name,
                       guint32      node,
                       GDateTime  **out)
{
  g_autofree char *text = NULL;
  Oc3IsoTime t;

  *out = NULL;
  push_key (b, name);
  if (!read_string (b, node, &text))
    {
      pop (b);
      return FALSE;
    }

  if (text != NULL)
    {
      if (!oc3_schedule_parse_iso8601 (text, &t) || !t.has_time ||
          (*out = oc3_schedule_builder_date_time (b, &t)) == NULL)
        {
          fail_value (b, _("not a date-time"), text);
          pop (b);
          return FALSE;
        }
    }
  pop (b);

  return TRUE;
}

/* "H:MM", "HH:MM" or pretalx's "D:HH:MM" for a day or more. */
static gboolean
parse_duration (const char *text,
                GTimeSpan  *out)
{
  int parts[3];
  guint n_parts = 0;
  const char *p = text;

  while (n_parts < 3)
    {
      int value = 0;
      guint digits = 0;

      while (g_ascii_isdigit (*p) && digits < 4)
        {
          value = value * 10 + (*p++ - '0');
          digits++;
        }
      if (digits == 0)
        return FALSE;
      parts[n_parts++] = value;
      if (*p != ':')
        break;
      p++;
    }

  if (*p != '\0' || n_parts < 2)
    return FALSE;

  if (n_parts == 2)
    {
      if (parts[1] > 59)
        return FALSE;
      *out = (parts[0] * G_TIME_SPAN_HOUR) + parts[1] * G_TIME_SPAN_MINUTE;
    }
  else
    {
      if (parts[1] > 23 || parts[2] > 59)
        return FALSE;
      *out = parts[0] * G_TIME_SPAN_DAY + parts[1] * G_TIME_SPAN_HOUR +
             parts[2] * G_TIME_SPAN_MINUTE;
    }

  return TRUE;
}

/* --- the time zone ------------------------------------------------------------ */

static void
sample_time (Builder *b,
             guint32  node,
             GArray  *samples)
{
  Oc3IsoTime t;

  if (node != OC3_JSON_NONE && oc3_json_kind (b->doc, node) == OC3_JSON_STRING &&
      oc3_schedule_parse_iso8601 (oc3_json_text (b->doc, node), &t) && t.has_time && t.has_offset)
    {
      Oc3ScheduleTimeSample sample = { oc3_iso_time_to_unix (&t), t.offset };

      g_array_append_val (samples, sample);
    }
}

/* Walks days[].rooms{}[] once, before anything is built: collects the times
 * with offsets (to choose the zone) and counts the talks (to refuse absurd
 * files early). Anything malformed is left for the second walk to report. */
static gboolean
survey_days (Builder *b,
             guint32  days,
             GArray  *samples)
{
  guint32 n_days = oc3_json_length (b->doc, days);
  guint32 day = days + 1;

  for (guint32 d = 0; d < n_days; d++, day = oc3_json_next (b->doc, day))
    {
      guint32 rooms;
      guint32 n_rooms;
      guint32 key;

      if (oc3_json_kind (b->doc, day) != OC3_JSON_OBJECT)
        continue;

      sample_time (b, oc3_json_lookup (b->doc, day, "day_start"), samples);
      sample_time (b, oc3_json_lookup (b->doc, day, "day_end"), samples);

      rooms = oc3_json_lookup (b->doc, day, "rooms");
      if (rooms == OC3_JSON_NONE || oc3_json_kind (b->doc, rooms) != OC3_JSON_OBJECT)
        continue;

      n_rooms = oc3_json_length (b->doc, rooms);
      key = rooms + 1;
      for (guint32 r = 0; r < n_rooms; r++, key = oc3_json_next (b->doc, key + 1))
        {
          guint32 events = key + 1;
          guint32 n_events;
          guint32 event;

          if (oc3_json_kind (b->doc, events) != OC3_JSON_ARRAY)
            continue;

          n_events = oc3_json_length (b->doc, events);
          event = events + 1;
          for (guint32 e = 0; e < n_events; e++, event = oc3_json_next (b->doc, event))
            {
              if (++b->n_talks > OC3_SCHEDULE_MAX_TALKS)
                {
                  gboolean ok;

                  push_key (b, "days");
                  push_index (b, d);
                  push_key (b, "rooms");
                  push_key (b, oc3_json_text (b->doc, key));
                  push_index (b, e);
                  ok = fail (b, OC3_SCHEDULE_ERROR_TOO_LARGE, _("more than %d talks"),
                             OC3_SCHEDULE_MAX_TALKS);
                  b->path_len -= 5;
                  return ok;
                }

              if (oc3_json_kind (b->doc, event) == OC3_JSON_OBJECT)
                sample_time (b, oc3_json_lookup (b->doc, event, "date"), samples);
            }
        }
    }

  return TRUE;
}

static gboolean
choose_zone (Builder *b,
             guint32  name_node,
             guint32  days)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (Oc3ScheduleTimeSample));
  g_autofree char *name = NULL;

  if (!survey_days (b, days, samples))
    return FALSE;

  if (!read_member_string (b, "time_zone_name", name_node, &name))
    return FALSE;

  push_key (b, "time_zone_name");
  oc3_schedule_builder_choose_zone (b, name, samples);
  pop (b);

  return TRUE;
}

/* --- tracks, rooms and persons ---------------------------------------------- */

static gboolean
read_tracks (Builder *b,
             guint32  tracks)
{
  guint32 n_tracks;
  guint32 node;

  if (is_absent (b, tracks))
    return TRUE;

  push_key (b, "tracks");
  if (oc3_json_kind (b->doc, tracks) != OC3_JSON_ARRAY)
    {
      fail_type (b, tracks, _("an array"));
      pop (b);
      return FALSE;
    }

  n_tracks = oc3_json_length (b->doc, tracks);
  node = tracks + 1;
  for (guint32 i = 0; i < n_tracks; i++, node = oc3_json_next (b->doc, node))
    {
      guint32 values[N_TRACK_MEMBERS];
      g_autofree char *name = NULL;
      g_autofree char *color_text = NULL;
      char color[8];
      gboolean has_color = FALSE;

      push_index (b, i);
      if (oc3_json_kind (b->doc, node) == OC3_JSON_STRING)
        name = oc3_text_clean (oc3_json_text (b->doc, node), -1);
      else if (oc3_json_kind (b->doc, node) == OC3_JSON_OBJECT)
        {
          collect_members (b, node, track_members, N_TRACK_MEMBERS, values);
          if (!read_member_string (b, "name", values[TRACK_NAME], &name) ||
              !read_member_string (b, "color", values[TRACK_COLOR], &color_text))
            return FALSE;

          if (color_text != NULL)
            {
              has_color = oc3_schedule_parse_color (color_text, color);
              if (!has_color)
                {
                  g_autofree char *quoted = oc3_schedule_quote (color_text);

                  push_key (b, "color");
                  warn (b, _("not a colour (#rrggbb): %s; using one derived from the name"),
                        quoted);
                  pop (b);
                }
            }
        }
      else if (oc3_json_kind (b->doc, node) != OC3_JSON_NULL)
        return fail_type (b, node, _("an object"));

      if (name == NULL || name[0] == '\0')
        warn (b, _("a track without a name was left out"));
      else if (g_hash_table_contains (b->tracks_by_name, name))
        warn (b, _("a second track named “%s” was left out"), name);
      else
        oc3_schedule_builder_add_track (b, name, has_color ? color : NULL);
      pop (b);
    }
  pop (b);

  return TRUE;
}

/* A room's description: "description" as a string or {lang: text}, or the
 * c3voc hub's "description_en", "description_de", … */
static gboolean
read_room_description (Builder  *b,
                       guint32   object,
                       guint32   description,
                       char    **out)
{
  guint32 n_members;
  guint32 key;
  guint32 chosen = OC3_JSON_NONE;
  guint best = G_MAXUINT;

  if (!read_member_text (b, "description", description, out))
    return FALSE;
  if (*out != NULL)
    return TRUE;

  n_members = oc3_json_length (b->doc, object);
  key = object + 1;
  for (guint32 i = 0; i < n_members; i++, key = oc3_json_next (b->doc, key + 1))
    {
      const char *name = oc3_json_text (b->doc, key);
      guint rank = G_MAXUINT - 2;

      if (!g_str_has_prefix (name, "description_") ||
          oc3_json_kind (b->doc, key + 1) != OC3_JSON_STRING ||
          oc3_json_length (b->doc, key + 1) == 0)
        continue;

      for (guint l = 0; b->languages[l] != NULL; l++)
        if (g_ascii_strcasecmp (name + strlen ("description_"), b->languages[l]) == 0)
          {
            rank = l;
            break;
          }
      if (rank == G_MAXUINT - 2 && g_ascii_strcasecmp (name, "description_en") == 0)
        rank = G_MAXUINT - 3;

      if (chosen == OC3_JSON_NONE || rank < best)
        {
          chosen = key;
          best = rank;
        }
    }

  if (chosen != OC3_JSON_NONE)
    return read_member_text (b, oc3_json_text (b->doc, chosen), chosen + 1, out);

  return TRUE;
}

static gboolean
read_rooms (Builder *b,
            guint32  rooms)
{
  guint32 n_rooms;
  guint32 node;

  if (is_absent (b, rooms))
    return TRUE;

  push_key (b, "rooms");
  if (oc3_json_kind (b->doc, rooms) != OC3_JSON_ARRAY)
    {
      fail_type (b, rooms, _("an array"));
      pop (b);
      return FALSE;
    }

  n_rooms = oc3_json_length (b->doc, rooms);
  node = rooms + 1;
  for (guint32 i = 0; i < n_rooms; i++, node = oc3_json_next (b->doc, node))
    {
      guint32 values[N_ROOM_MEMBERS];
      g_autofree char *name = NULL;
      g_autofree char *guid = NULL;
      g_autofree char *description = NULL;

      push_index (b, i);
      if (oc3_json_kind (b->doc, node) == OC3_JSON_STRING)
        name = oc3_text_clean (oc3_json_text (b->doc, node), -1);
      else if (oc3_json_kind (b->doc, node) == OC3_JSON_OBJECT)
        {
          collect_members (b, node, room_members, N_ROOM_MEMBERS, values);
          if (!read_member_string (b, "name", values[ROOM_NAME], &name) ||
              !read_member_string (b, "guid", values[ROOM_GUID], &guid) ||
              !read_room_description (b, node, values[ROOM_DESCRIPTION], &description))
            return FALSE;
        }
      else if (oc3_json_kind (b->doc, node) != OC3_JSON_NULL)
        return fail_type (b, node, _("an object"));

      if (name == NULL || name[0] == '\0')
        warn (b, _("a room without a name was left out"));
      else if (g_hash_table_contains (b->rooms_by_name, name))
        warn (b, _("a second room named “%s” was left out"), name);
      else
        {
          Oc3Room *room = oc3_schedule_builder_add_room (b, name);
          Oc3Room *same_guid = guid != NULL ? g_hash_table_lookup (b->rooms_by_guid, guid) : NULL;

          if (same_guid != NULL)
            warn (b, _("room “%s” has the same guid as room “%s”; both are kept"),
                  name, same_guid->name);

          room->guid = g_steal_pointer (&guid);
          room->description = g_steal_pointer (&description);
          if (room->guid != NULL && same_guid == NULL)
            g_hash_table_insert (b->rooms_by_guid, room->guid, room);
        }
      pop (b);
    }
  pop (b);

  return TRUE;
}

/* Reads a person, or finds them again: the same person speaks in several
 * talks, and is one Oc3Person, found by guid, id, pretalx code or — for
 * {name} alone — by name. Sets *@out to NULL for an entry that names nobody. */
static gboolean
read_person (Builder    *b,
             guint32     node,
             Oc3Person **out)
{
  guint32 values[N_PERSON_MEMBERS];
  g_autofree char *id = NULL;
  g_autofree char *guid = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *public_name = NULL;
  g_autofree char *biography = NULL;
  g_autofree char *affiliation = NULL;
  g_autofree char *role = NULL;

  *out = NULL;

  switch (oc3_json_kind (b->doc, node))
    {
    case OC3_JSON_NULL:
      warn (b, _("an empty entry was left out"));
      return TRUE;

    case OC3_JSON_STRING:
      name = oc3_text_clean (oc3_json_text (b->doc, node), -1);
      break;

    case OC3_JSON_OBJECT:
      collect_members (b, node, person_members, N_PERSON_MEMBERS, values);
      if (!read_member_string (b, "id", values[PERSON_ID], &id) ||
          !read_member_string (b, "guid", values[PERSON_GUID], &guid) ||
          !read_member_string (b, "code", values[PERSON_CODE], &code) ||
          !read_member_string (b, "public_name", values[PERSON_PUBLIC_NAME], &public_name) ||
          !read_member_string (b, "name", values[PERSON_NAME], &name) ||
          !read_member_text (b, "biography", values[PERSON_BIOGRAPHY], &biography) ||
          !read_member_string (b, "organization", values[PERSON_ORGANIZATION], &affiliation) ||
          (affiliation == NULL &&
           !read_member_string (b, "affiliation", values[PERSON_AFFILIATION], &affiliation)) ||
          (affiliation == NULL &&
           !read_member_string (b, "company", values[PERSON_COMPANY], &affiliation)) ||
          !read_member_string (b, "role", values[PERSON_ROLE], &role))
        return FALSE;
      if (public_name != NULL)
        g_set_str (&name, public_name);
      break;

    case OC3_JSON_FALSE:
    case OC3_JSON_TRUE:
    case OC3_JSON_NUMBER:
    case OC3_JSON_ARRAY:
    default:
      return fail_type (b, node, _("an object"));
    }

  *out = oc3_schedule_builder_add_person (b, &(Oc3SchedulePerson) {
    .name = g_steal_pointer (&name),
    .id = g_steal_pointer (&id),
    .guid = g_steal_pointer (&guid),
    .code = g_steal_pointer (&code),
    .biography = g_steal_pointer (&biography),
    .affiliation = g_steal_pointer (&affiliation),
    .role = g_steal_pointer (&role),
  });

  return TRUE;
}

static gboolean
read_persons (Builder  *b,
              guint32   persons,
              Oc3Talk  *talk)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) seen = NULL;
  guint32 n_persons;
  guint32 node;

  talk->persons = oc3_array_model_new (OC3_TYPE_PERSON, items);

  if (is_absent (b, persons))
    return TRUE;

  push_key (b, "persons");
  /* PHP writes an empty list as {}. */
  if (oc3_json_kind (b->doc, persons) == OC3_JSON_OBJECT && oc3_json_length (b->doc, persons) == 0)
    {
      pop (b);
      return TRUE;
    }
  if (oc3_json_kind (b->doc, persons) != OC3_JSON_ARRAY)
    {
      fail_type (b, persons, _("an array"));
      pop (b);
      return FALSE;
    }

  n_persons = oc3_json_length (b->doc, persons);
  /* A person listed twice is listed once; a set keeps long lists linear. */
  if (n_persons > 8)
    seen = g_hash_table_new (NULL, NULL);
  node = persons + 1;
  for (guint32 i = 0; i < n_persons; i++, node = oc3_json_next (b->doc, node))
    {
      Oc3Person *person;
      gboolean listed;

      push_index (b, i);
      if (!read_person (b, node, &person))
        return FALSE;
      pop (b);

      if (person == NULL)
        continue;
      if (seen != NULL)
        listed = !g_hash_table_add (seen, person);
      else
        listed = g_ptr_array_find (items, person, NULL);
      if (!listed)
        g_ptr_array_add (items, g_object_ref (person));
    }
  pop (b);

  return TRUE;
}

/* Links and attachments: {url, title} objects or bare URL strings. */
static gboolean
read_links (Builder     *b,
            const char  *name,
            guint32      links,
            GPtrArray  **out)
{
  guint32 n_links;
  guint32 node;

  *out = g_ptr_array_new_with_free_func ((GDestroyNotify) oc3_link_unref);

  if (is_absent (b, links))
    return TRUE;

  push_key (b, name);
  if (oc3_json_kind (b->doc, links) == OC3_JSON_OBJECT && oc3_json_length (b->doc, links) == 0)
    {
      pop (b);
      return TRUE;
    }
  if (oc3_json_kind (b->doc, links) != OC3_JSON_ARRAY)
    {
      fail_type (b, links, _("an array"));
      pop (b);
      return FALSE;
    }

  n_links = oc3_json_length (b->doc, links);
  node = links + 1;
  for (guint32 i = 0; i < n_links; i++, node = oc3_json_next (b->doc, node))
    {
      g_autofree char *url = NULL;
      g_autofree char *title = NULL;

      push_index (b, i);
      if (oc3_json_kind (b->doc, node) == OC3_JSON_STRING)
        {
          char *text = oc3_text_clean (oc3_json_text (b->doc, node), -1);

          url = oc3_schedule_builder_resolve_url (b, text);
        }
      else if (oc3_json_kind (b->doc, node) == OC3_JSON_OBJECT)
        {
          guint32 values[N_LINK_MEMBERS];

          collect_members (b, node, link_members, N_LINK_MEMBERS, values);
          if (!read_member_url (b, "url", values[LINK_URL], &url) ||
              (url == NULL && !read_member_url (b, "href", values[LINK_HREF], &url)) ||
              !read_member_text (b, "title", values[LINK_TITLE], &title))
            return FALSE;
          if (url == NULL && is_absent (b, values[LINK_URL]) && is_absent (b, values[LINK_HREF]))
            warn (b, _("a link without a URL was left out"));
        }
      else if (oc3_json_kind (b->doc, node) != OC3_JSON_NULL)
        return fail_type (b, node, _("an object or a string"));

      if (url != NULL && url[0] != '\0')
        g_ptr_array_add (*out, oc3_link_new (url, title));
      pop (b);
    }
  pop (b);

  return TRUE;
}

/* --- talks ------------------------------------------------------------------ */

typedef struct {
  Oc3Day    *day;
  GDateTime *day_start;
  /* The day's date as year, month, day; year 0 if unknown. */
  int        year;
  int        month;
  int        mday;
} DayContext;

static Oc3Room *
room_for_talk (Builder    *b,
               const char *key,
               const char *named)
{
  const char *name = key;

  /* The rooms{} key and the talk's "room" can differ; the one the program
   * declares wins, else the talk's own word. */
  if (named != NULL && g_strcmp0 (named, key) != 0)
    {
      gboolean key_declared = key[0] != '\0' && g_hash_table_contains (b->rooms_by_name, key);
      gboolean named_declared = g_hash_table_contains (b->rooms_by_name, named);

      name = key_declared && !named_declared ? key : named;
      push_key (b, "room");
      warn (b, _("“%s” differs from the key of its list in rooms{}, “%s”; using “%s”"),
            named, key, name);
      pop (b);
    }

  if (name[0] == '\0')
    return NULL;

  if (!g_hash_table_contains (b->rooms_by_name, name))
    oc3_schedule_builder_add_room (b, name);

  return g_object_ref (g_hash_table_lookup (b->rooms_by_name, name));
}

static gboolean
read_talk_times (Builder          *b,
                 const guint32    *values,
                 const DayContext *ctx,
                 Oc3Talk          *talk)
{
  g_autofree char *duration_text = NULL;
  g_autoptr (GDateTime) end = NULL;
  GTimeSpan duration = 0;

  if (!read_member_date_time (b, "date", values[EVENT_DATE], &talk->start))
    return FALSE;

  if (talk->start == NULL)
    {
      g_autofree char *start = NULL;

      if (!read_member_string (b, "start", values[EVENT_START], &start))
        return FALSE;
      talk->start = oc3_schedule_builder_start_on_day (b, ctx->year, ctx->month, ctx->mday, start, NULL);
      if (talk->start == NULL)
        return FALSE;
      /* Talks after midnight are filed under the day before. */
      if (ctx->day_start != NULL && g_date_time_compare (talk->start, ctx->day_start) < 0)
        {
          GDateTime *next = g_date_time_add_days (talk->start, 1);

          g_date_time_unref (talk->start);
          talk->start = next;
        }

      push_key (b, "date");
      warn (b, _("missing; the start is the day's date and “start”, %s"), start);
      pop (b);
    }

  if (!read_member_string (b, "duration", values[EVENT_DURATION], &duration_text))
    return FALSE;

  if (duration_text != NULL)
    {
      push_key (b, "duration");
      if (!parse_duration (duration_text, &duration))
        {
          fail_value (b, _("not a duration"), duration_text);
          pop (b);
          return FALSE;
        }
      pop (b);
      talk->end = g_date_time_add (talk->start, duration);
    }
  else
    {
      if (!read_member_date_time (b, "end", values[EVENT_END], &end))
        return FALSE;

      if (end != NULL && g_date_time_compare (end, talk->start) >= 0)
        talk->end = g_steal_pointer (&end);
      else
        {
          push_key (b, "duration");
          warn (b, end != NULL ? _("missing, and “end” is before the start; taken as zero")
                               : _("missing; taken as zero"));
          pop (b);
          talk->end = g_date_time_ref (talk->start);
        }
    }

  talk->start_unix = g_date_time_to_unix (talk->start);

  return TRUE;
}

static gboolean
read_talk (Builder          *b,
           guint32           event,
           const char       *room_key,
           const DayContext *ctx,
           GPtrArray        *day_talks)
{
  guint32 values[N_EVENT_MEMBERS];
  g_autoptr (Oc3Talk) talk = NULL;
  g_autofree char *guid = NULL;
  g_autofree char *track = NULL;
  g_autofree char *room = NULL;

  if (oc3_json_kind (b->doc, event) != OC3_JSON_OBJECT)
    return fail_type (b, event, _("an object"));

  talk = oc3_talk_new ();
  talk->day_index = ctx->day->index;
  collect_members (b, event, event_members, N_EVENT_MEMBERS, values);

  if (!read_member_string (b, "guid", values[EVENT_GUID], &guid) ||
      !read_member_string (b, "id", values[EVENT_ID], &talk->id) ||
      !read_member_text (b, "title", values[EVENT_TITLE], &talk->title) ||
      !read_member_text (b, "subtitle", values[EVENT_SUBTITLE], &talk->subtitle) ||
      !read_member_string (b, "slug", values[EVENT_SLUG], &talk->slug) ||
      !read_member_text (b, "abstract", values[EVENT_ABSTRACT], &talk->abstract) ||
      !read_member_text (b, "description", values[EVENT_DESCRIPTION], &talk->description) ||
      !read_member_string (b, "track", values[EVENT_TRACK], &track) ||
      !read_member_string (b, "room", values[EVENT_ROOM], &room) ||
      !read_member_interned (b, "type", values[EVENT_TYPE], &talk->talk_type) ||
      !read_member_interned (b, "language", values[EVENT_LANGUAGE], &talk->language) ||
      !read_member_interned (b, "recording_license", values[EVENT_RECORDING_LICENSE],
                             &talk->recording_license) ||
      !read_member_boolean (b, "do_not_record", values[EVENT_DO_NOT_RECORD],
                            &talk->do_not_record) ||
      !read_member_url (b, "url", values[EVENT_URL], &talk->url) ||
      !read_member_url (b, "logo", values[EVENT_LOGO], &talk->logo) ||
      !read_talk_times (b, values, ctx, talk) ||
      !read_persons (b, values[EVENT_PERSONS], talk) ||
      !read_links (b, "links", values[EVENT_LINKS], &talk->links) ||
      !read_links (b, "attachments", values[EVENT_ATTACHMENTS], &talk->attachments))
    return FALSE;

  /* The guid is what the app keys on (stars, notifications), so every
   * talk needs one, unique and the same on every parse, in every locale. */
  push_key (b, "guid");
  if (guid == NULL)
    {
      if (talk->id != NULL)
        guid = g_strconcat ("id:", talk->id, NULL);
      else if (talk->slug != NULL)
        guid = g_strconcat ("slug:", talk->slug, NULL);
      else
        guid = g_strdup_printf ("%" G_GINT64_FORMAT "@%s:%s", talk->start_unix, room_key,
                                talk->title != NULL ? talk->title : "");
      warn (b, _("missing; using “%s”"), guid);
    }
  pop (b);

  if (talk->title == NULL)
    {
      push_key (b, "title");
      warn (b, _("missing"));
      pop (b);
      talk->title = g_strdup (_("Untitled"));
    }

  if (track != NULL)
    {
      talk->track = g_hash_table_lookup (b->tracks_by_name, track);
      if (talk->track == NULL)
        talk->track = oc3_schedule_builder_add_track (b, track, NULL);
      g_object_ref (talk->track);
    }

  talk->room = room_for_talk (b, room_key, room);

  push_key (b, "guid");
  oc3_schedule_builder_add_talk (b, g_steal_pointer (&talk), guid, day_talks);
  pop (b);

  return TRUE;
}

/* --- days --------------------------------------------------------------------- */

/* The local date of the first talk in the day with a usable "date". */
static gboolean
first_talk_date (Builder    *b,
                 guint32     rooms,
                 Oc3IsoTime *out)
{
  guint32 n_rooms;
  guint32 key;

  if (is_absent (b, rooms) || oc3_json_kind (b->doc, rooms) != OC3_JSON_OBJECT)
    return FALSE;

  n_rooms = oc3_json_length (b->doc, rooms);
  key = rooms + 1;
  for (guint32 r = 0; r < n_rooms; r++, key = oc3_json_next (b->doc, key + 1))
    {
      guint32 events = key + 1;
      guint32 event = events + 1;

      if (oc3_json_kind (b->doc, events) != OC3_JSON_ARRAY)
        continue;

      for (guint32 e = 0; e < oc3_json_length (b->doc, events);
           e++, event = oc3_json_next (b->doc, event))
        {
          guint32 date = oc3_json_lookup (b->doc, event, "date");
          g_autofree char *text = NULL;
          Oc3IsoTime t;

          if (date == OC3_JSON_NONE || oc3_json_kind (b->doc, date) != OC3_JSON_STRING)
            continue;

          /* Read as read_talk_times() will read it. */
          text = oc3_text_clean (oc3_json_text (b->doc, date), oc3_json_length (b->doc, date));
          if (oc3_schedule_parse_iso8601 (text, &t) && t.has_time)
            {
              g_autoptr (GDateTime) start = oc3_schedule_builder_date_time (b, &t);

              if (start == NULL)
                continue;
              g_date_time_get_ymd (start, &out->year, &out->month, &out->day);
              return TRUE;
            }
        }
    }

  return FALSE;
}

static gboolean
read_day_date (Builder    *b,
               guint32    *values,
               DayContext *ctx)
{
  g_autofree char *text = NULL;
  Oc3IsoTime t;

  push_key (b, "date");
  if (!read_string (b, values[DAY_DATE], &text))
    {
      pop (b);
      return FALSE;
    }

  if (text != NULL)
    {
      if (!oc3_schedule_parse_iso8601 (text, &t))
        {
          fail_value (b, _("not a date"), text);
          pop (b);
          return FALSE;
        }
      if (t.has_time)
        {
          g_autoptr (GDateTime) dt = oc3_schedule_builder_date_time (b, &t);

          if (dt == NULL)
            {
              fail_value (b, _("not a date"), text);
              pop (b);
              return FALSE;
            }
          g_date_time_get_ymd (dt, &t.year, &t.month, &t.day);
        }
    }
  else if (ctx->day_start != NULL)
    {
      g_date_time_get_ymd (ctx->day_start, &t.year, &t.month, &t.day);
      warn (b, _("missing; using the date of day_start"));
    }
  else if (first_talk_date (b, values[DAY_ROOMS], &t))
    warn (b, _("missing; using the date of the first talk"));
  else
    t.year = 0;
  pop (b);

  ctx->year = t.year;
  ctx->month = t.month;
  ctx->mday = t.day;

  return TRUE;
}

static gboolean
read_day (Builder *b,
          guint32  node,
          guint    position)
{
  guint32 values[N_DAY_MEMBERS];
  g_autoptr (Oc3Day) day = NULL;
  g_autoptr (GDateTime) day_end = NULL;
  g_autoptr (GPtrArray) talks = g_ptr_array_new ();
  DayContext ctx = { NULL, };
  guint32 rooms;

  if (oc3_json_kind (b->doc, node) != OC3_JSON_OBJECT)
    return fail_type (b, node, _("an object"));

  collect_members (b, node, day_members, N_DAY_MEMBERS, values);
  day = oc3_day_new ();
  ctx.day = day;

  day->index = position + 1;
  if (!is_absent (b, values[DAY_INDEX]))
    {
      const char *text = oc3_json_text (b->doc, values[DAY_INDEX]);
      char *end = NULL;
      gint64 index;

      push_key (b, "index");
      if (oc3_json_kind (b->doc, values[DAY_INDEX]) != OC3_JSON_NUMBER &&
          oc3_json_kind (b->doc, values[DAY_INDEX]) != OC3_JSON_STRING)
        {
          fail_type (b, values[DAY_INDEX], _("a number"));
          pop (b);
          return FALSE;
        }
      index = g_ascii_strtoll (text, &end, 10);
      if (end == text || *end != '\0' || index < G_MININT || index > G_MAXINT)
        {
          fail_value (b, _("not a whole number"), text);
          pop (b);
          return FALSE;
        }
      day->index = (int) index;
      pop (b);
    }

  if (!read_member_date_time (b, "day_start", values[DAY_DAY_START], &day->start) ||
      !read_member_date_time (b, "day_end", values[DAY_DAY_END], &day_end))
    return FALSE;
  ctx.day_start = day->start;

  if (!read_day_date (b, values, &ctx))
    return FALSE;

  rooms = values[DAY_ROOMS];
  push_key (b, "rooms");
  if (is_absent (b, rooms))
    warn (b, _("missing: a day without talks"));
  /* PHP writes an empty map as []. */
  else if (oc3_json_kind (b->doc, rooms) == OC3_JSON_ARRAY && oc3_json_length (b->doc, rooms) == 0)
    ;
  else if (oc3_json_kind (b->doc, rooms) != OC3_JSON_OBJECT)
    {
      fail_type (b, rooms, _("an object"));
      pop (b);
      return FALSE;
    }
  else
    {
      guint32 n_rooms = oc3_json_length (b->doc, rooms);
      guint32 key = rooms + 1;

      for (guint32 r = 0; r < n_rooms; r++, key = oc3_json_next (b->doc, key + 1))
        {
          const char *room_key = oc3_json_text (b->doc, key);
          guint32 events = key + 1;
          guint32 event = events + 1;
          g_autofree char *clean_key = NULL;

          push_key (b, room_key);
          if (is_absent (b, events))
            {
              pop (b);
              continue;
            }
          if (oc3_json_kind (b->doc, events) != OC3_JSON_ARRAY)
            {
              fail_type (b, events, _("an array"));
              pop (b);
              pop (b);
              return FALSE;
            }

          clean_key = oc3_text_clean (room_key, oc3_json_length (b->doc, key));
          for (guint32 e = 0; e < oc3_json_length (b->doc, events);
               e++, event = oc3_json_next (b->doc, event))
            {
              if ((b->talks->len & 255) == 255 && cancelled (b))
                return FALSE;

              push_index (b, e);
              if (!read_talk (b, event, clean_key, &ctx, talks))
                return FALSE;
              pop (b);
            }
          pop (b);
        }
    }
  pop (b);

  oc3_schedule_builder_add_day (b, g_steal_pointer (&day), g_steal_pointer (&talks),
                                ctx.year, ctx.month, ctx.mday, g_steal_pointer (&day_end),
                                "date");

  return TRUE;
}

static gboolean
read_days (Builder *b,
           guint32  days)
{
  guint32 n_days = oc3_json_length (b->doc, days);
  guint32 node = days + 1;

  push_key (b, "days");
  if (n_days == 0)
    warn (b, _("no days: the schedule has no talks yet"));

  for (guint32 d = 0; d < n_days; d++, node = oc3_json_next (b->doc, node))
    {
      if (cancelled (b))
        return FALSE;

      push_index (b, d);
      if (!read_day (b, node, d))
        return FALSE;
      pop (b);
    }
  pop (b);

  return TRUE;
}

/* --- the conference ------------------------------------------------------------ */

/* Date-only starts and ends mean whole days: midnight before, midnight after. */
static gboolean
read_conference_bound (Builder     *b,
                       const char  *name,
                       guint32      node,
                       gboolean     is_end,
                       GDateTime  **out)
{
  g_autofree char *text = NULL;

  *out = NULL;
  if (!read_member_string (b, name, node, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  push_key (b, name);
  *out = oc3_schedule_builder_bound (b, text, is_end);
  pop (b);

  return TRUE;
}

static gboolean
read_schedule (Builder       *b,
               Oc3Conference *conference)
{
  guint32 schedule_values[N_SCHEDULE_MEMBERS];
  guint32 values[N_CONFERENCE_MEMBERS];
  guint32 schedule;
  guint32 node;
  g_autofree char *base_url = NULL;
  g_autofree char *url = NULL;

  if (oc3_json_kind (b->doc, OC3_JSON_ROOT) != OC3_JSON_OBJECT)
    return fail (b, OC3_SCHEDULE_ERROR_SHAPE,
                 _("expected an object with a “schedule” member, got %s"),
                 oc3_json_kind_to_string (oc3_json_kind (b->doc, OC3_JSON_ROOT)));

  push_key (b, "schedule");
  schedule = oc3_json_lookup (b->doc, OC3_JSON_ROOT, "schedule");
  if (schedule == OC3_JSON_NONE)
    return fail (b, OC3_SCHEDULE_ERROR_SHAPE, _("missing: this is not a schedule.json file"));
  if (oc3_json_kind (b->doc, schedule) != OC3_JSON_OBJECT)
    return fail_type (b, schedule, _("an object"));

  collect_members (b, schedule, schedule_members, N_SCHEDULE_MEMBERS, schedule_values);
  if (!read_member_string (b, "version", schedule_values[SCHEDULE_VERSION],
                           &conference->version) ||
      !read_member_string (b, "base_url", schedule_values[SCHEDULE_BASE_URL], &base_url))
    return FALSE;
  if (base_url != NULL)
    {
      push_key (b, "base_url");
      oc3_schedule_builder_set_base_url (b, g_steal_pointer (&base_url));
      pop (b);
    }

  push_key (b, "conference");
  node = schedule_values[SCHEDULE_CONFERENCE];
  if (is_absent (b, node))
    return fail (b, OC3_SCHEDULE_ERROR_SHAPE, _("missing"));
  if (oc3_json_kind (b->doc, node) != OC3_JSON_OBJECT)
    return fail_type (b, node, _("an object"));

  collect_members (b, node, conference_members, N_CONFERENCE_MEMBERS, values);

  /* Some exporters put base_url in the conference. */
  if (b->base_url == NULL)
    {
      if (!read_member_string (b, "base_url", values[CONFERENCE_BASE_URL], &base_url))
        return FALSE;
      if (base_url != NULL)
        {
          push_key (b, "base_url");
          oc3_schedule_builder_set_base_url (b, g_steal_pointer (&base_url));
          pop (b);
        }
    }

  if (!read_member_text (b, "title", values[CONFERENCE_TITLE], &conference->title) ||
      !read_member_string (b, "acronym", values[CONFERENCE_ACRONYM], &conference->acronym) ||
      !read_member_text (b, "description", values[CONFERENCE_DESCRIPTION],
                         &conference->description) ||
      !read_member_text (b, "venue", values[CONFERENCE_VENUE], &conference->venue) ||
      !read_member_string (b, "url", values[CONFERENCE_URL], &url))
    return FALSE;

  push_key (b, "url");
  conference->url = oc3_schedule_builder_resolve_url (b, g_steal_pointer (&url));
  pop (b);

  if (conference->title == NULL)
    {
      push_key (b, "title");
      warn (b, _("missing"));
      pop (b);
      conference->title = g_strdup (conference->acronym != NULL ? conference->acronym
                                                                : _("Untitled conference"));
    }

  node = values[CONFERENCE_DAYS];
  if (is_absent (b, node))
    {
      push_key (b, "days");
      return fail (b, OC3_SCHEDULE_ERROR_SHAPE, _("missing"));
    }
  if (oc3_json_kind (b->doc, node) != OC3_JSON_ARRAY)
    {
      push_key (b, "days");
      return fail_type (b, node, _("an array"));
    }

  if (!choose_zone (b, values[CONFERENCE_TIME_ZONE_NAME], node) ||
      !read_conference_bound (b, "start", values[CONFERENCE_START], FALSE, &conference->start) ||
      !read_conference_bound (b, "end", values[CONFERENCE_END], TRUE, &conference->end) ||
      !read_tracks (b, values[CONFERENCE_TRACKS]) ||
      !read_rooms (b, values[CONFERENCE_ROOMS]) ||
      !read_days (b, node))
    return FALSE;

  pop (b);
  pop (b);

  return TRUE;
}

Oc3Conference *
oc3_schedule_read_json (const char    *data,
                        gsize          length,
                        GTimeZone     *default_zone,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr (Oc3JsonDocument) doc = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  Builder b;
  gboolean ok;

  oc3_schedule_builder_init (&b, OC3_SCHEDULE_PATH_JSON, default_zone, cancellable, error);
  doc = oc3_json_document_parse (data, length, b.warnings, error);
  if (doc == NULL)
    {
      oc3_schedule_builder_clear (&b);
      return NULL;
    }
  b.doc = doc;

  conference = oc3_conference_new ();
  ok = read_schedule (&b, conference);
  /* The document (the bulk of the memory) goes before the model is wired. */
  g_clear_pointer (&doc, oc3_json_document_free);

  if (ok)
    oc3_schedule_builder_finish (&b, conference);
  oc3_schedule_builder_clear (&b);

  return ok ? g_steal_pointer (&conference) : NULL;
}
