/* oc3-schedule-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "oc3-json-document.h"
#include "oc3-schedule-builder-private.h"
#include "oc3-schedule-private.h"
#include "oc3-text.h"

/*
 * Reads Pentabarf's schedule.xml — FOSDEM's, and what wafer (DebConf),
 * frab and pretalx write — into the same model as schedule.json, through
 * the same builder (see ../shared/fixtures/schedules/README.md).
 *
 * Safely. libxml2 parses without network access, loads no DTD and
 * substitutes no entities, and a document that declares an entity (billion
 * laughs, external entities) or an attribute default is refused at the
 * declaration, before anything could be expanded or read. Before libxml2
 * sees the input, start tags with more attributes than any schedule has are
 * refused (libxml2 2.9 compares a tag's attributes pairwise: 80 000 of them
 * take 15 s); while it parses, elements nested deeper than OC3_SCHEDULE_MAX_DEPTH
 * or more than MAX_NODES elements and attributes are refused, which bounds
 * the tree's memory.
 *
 * Lenient and strict as the JSON reader is: what is odd but readable is a
 * warning, a time, date or duration that does not parse is an error, each
 * naming its element path, like
 * `schedule/day[2]/room[@name="Janson"]/event[4]/start: not a time: "25:99"`.
 *
 * Times: an event's <date> (with its offset) is the truth for its start;
 * otherwise <start> on the day's date, in the schedule's zone, the talks
 * before the conference's day_change being after midnight. The zone is
 * time_zone_name where the times agree with it, else one derived from the
 * times, else the caller's default zone (FOSDEM writes no zone at all).
 */

typedef Oc3ScheduleBuilder Builder;

/* One schedule element has a handful of attributes. */
#define MAX_ATTRIBUTES 64
/* A talk takes some 30 elements and attributes: this allows over 15 000
 * talks (FOSDEM has about 1000), and bounds the tree to some 150 MB. */
#define MAX_NODES 500000

/* Children a reader looks at, kept in sorted order for bsearch(); each list
 * has an enum in the same order. */
#define AS_ENUM(symbol, name) symbol,
#define AS_NAME(symbol, name) name,

#define SCHEDULE_CHILDREN(X) \
  X (SCHEDULE_BASE_URL, "base_url") \
  X (SCHEDULE_CONFERENCE, "conference") \
  X (SCHEDULE_TRACKS, "tracks") \
  X (SCHEDULE_VERSION, "version")

#define CONFERENCE_CHILDREN(X) \
  X (CONFERENCE_ACRONYM, "acronym") \
  X (CONFERENCE_BASE_URL, "base_url") \
  X (CONFERENCE_CITY, "city") \
  X (CONFERENCE_DAY_CHANGE, "day_change") \
  X (CONFERENCE_END, "end") \
  X (CONFERENCE_START, "start") \
  X (CONFERENCE_SUBTITLE, "subtitle") \
  X (CONFERENCE_TIME_ZONE_NAME, "time_zone_name") \
  X (CONFERENCE_TITLE, "title") \
  X (CONFERENCE_URL, "url") \
  X (CONFERENCE_VENUE, "venue")

#define EVENT_CHILDREN(X) \
  X (EVENT_ABSTRACT, "abstract") \
  X (EVENT_ATTACHMENTS, "attachments") \
  X (EVENT_DATE, "date") \
  X (EVENT_DESCRIPTION, "description") \
  X (EVENT_DURATION, "duration") \
  X (EVENT_LANGUAGE, "language") \
  X (EVENT_LINKS, "links") \
  X (EVENT_LOGO, "logo") \
  X (EVENT_PERSONS, "persons") \
  X (EVENT_RECORDING, "recording") \
  X (EVENT_ROOM, "room") \
  X (EVENT_SLUG, "slug") \
  X (EVENT_START, "start") \
  X (EVENT_SUBTITLE, "subtitle") \
  X (EVENT_TITLE, "title") \
  X (EVENT_TRACK, "track") \
  X (EVENT_TYPE, "type") \
  X (EVENT_URL, "url")

#define RECORDING_CHILDREN(X) \
  X (RECORDING_LICENSE, "license") \
  X (RECORDING_OPTOUT, "optout")

enum { SCHEDULE_CHILDREN (AS_ENUM) N_SCHEDULE_CHILDREN };
enum { CONFERENCE_CHILDREN (AS_ENUM) N_CONFERENCE_CHILDREN };
enum { EVENT_CHILDREN (AS_ENUM) N_EVENT_CHILDREN };
enum { RECORDING_CHILDREN (AS_ENUM) N_RECORDING_CHILDREN };

static const char * const schedule_children[] = { SCHEDULE_CHILDREN (AS_NAME) };
static const char * const conference_children[] = { CONFERENCE_CHILDREN (AS_NAME) };
static const char * const event_children[] = { EVENT_CHILDREN (AS_NAME) };
static const char * const recording_children[] = { RECORDING_CHILDREN (AS_NAME) };

/* The namespace of the guids made up for events without one (a random
 * UUID, fixed once): UUIDv5 of it and the conference and event. */
static const guint8 guid_namespace[16] = {
  0x6d, 0x3c, 0x0e, 0x5a, 0x91, 0x2b, 0x4f, 0x6e, 0xa4, 0x1d, 0x58, 0xc7, 0x22, 0xe9, 0xb0, 0x13,
};

/* --- paths, warnings and errors --------------------------------------------- */

#define push(b, key, index, name) oc3_schedule_builder_push (b, key, index, name)
#define push_element(b, name) oc3_schedule_builder_push (b, name, 0, NULL)
#define pop(b) oc3_schedule_builder_pop (b)

/* Warnings and errors name the path the reader is at. */
#define warn(b, ...) oc3_schedule_builder_warn (b, __VA_ARGS__)
#define fail(b, ...) oc3_schedule_builder_fail (b, __VA_ARGS__)

static inline const char *
node_name (const xmlNode *node)
{
  return (const char *) node->name;
}

static inline gboolean
is_element (const xmlNode *node,
            const char    *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp (node_name (node), name) == 0;
}

/* --- reading elements and attributes ------------------------------------------ */

static int
compare_child_name (const void *key,
                    const void *element)
{
  return strcmp (key, *(const char * const *) element);
}

/* Fills @children with the first child element of @parent of each name in
 * @names (NULL for those it lacks). */
static void
collect_children (const xmlNode      *parent,
                  const char * const *names,
                  guint               n_names,
                  xmlNode           **children)
{
  for (guint i = 0; i < n_names; i++)
    children[i] = NULL;

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      const char * const *found;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      found = bsearch (child->name, names, n_names, sizeof (char *), compare_child_name);
      if (found != NULL && children[found - names] == NULL)
        children[found - names] = child;
    }
}

/* Cleans @raw (libxml2's, freed here) as the JSON reader cleans strings;
 * empty text gives NULL. */
static gboolean
take_text (Builder  *b,
           xmlChar  *raw,
           char    **out)
{
  gsize length = raw != NULL ? strlen ((const char *) raw) : 0;
  char *text = NULL;

  *out = NULL;

  if (length > OC3_SCHEDULE_MAX_STRING_SIZE)
    {
      xmlFree (raw);
      return fail (b, OC3_SCHEDULE_ERROR_TOO_LARGE, _("a string longer than %d bytes"),
                   OC3_SCHEDULE_MAX_STRING_SIZE);
    }

  /* libxml2 hands out UTF-8 whatever the document's encoding was; this only
   * guards what oc3_text_clean() relies on. */
  if (raw != NULL && !g_utf8_validate ((const char *) raw, length, NULL))
    {
      xmlFree (raw);
      return fail (b, OC3_SCHEDULE_ERROR_ENCODING, _("invalid UTF-8 in a string"));
    }

  if (length > 0)
    text = oc3_text_clean ((const char *) raw, length);
  xmlFree (raw);

  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  *out = text;

  return TRUE;
}

/* The text of @node (nullable), its descendants' text run together. The
 * caller has pushed its path. */
static gboolean
read_text (Builder  *b,
           xmlNode  *node,
           char    **out)
{
  *out = NULL;
  if (node == NULL)
    return TRUE;

  return take_text (b, xmlNodeGetContent (node), out);
}

static gboolean
read_child_text (Builder    *b,
                 xmlNode    *node,
                 char      **out)
{
  gboolean ok;

  *out = NULL;
  if (node == NULL)
    return TRUE;

  push_element (b, node_name (node));
  ok = read_text (b, node, out);
  pop (b);

  return ok;
}

/* Abstracts and descriptions are HTML. Pentabarf escapes it, so the text
 * is HTML source, kept as such as in schedule.json; where an exporter
 * wrote the markup as elements instead, those are kept as source too. */
static gboolean
read_child_html (Builder  *b,
                 xmlNode  *node,
                 char    **out)
{
  g_autoptr (GString) source = NULL;
  gboolean has_elements = FALSE;
  gboolean ok;

  *out = NULL;
  if (node == NULL)
    return TRUE;

  for (xmlNode *child = node->children; child != NULL && !has_elements; child = child->next)
    has_elements = child->type == XML_ELEMENT_NODE;
  if (!has_elements)
    return read_child_text (b, node, out);

  source = g_string_new (NULL);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlBuffer *buffer = xmlBufferCreate ();

      if (xmlNodeDump (buffer, node->doc, child, 0, 0) > 0)
        g_string_append (source, (const char *) xmlBufferContent (buffer));
      xmlBufferFree (buffer);
    }

  push_element (b, node_name (node));
  ok = take_text (b, xmlCharStrndup (source->str, source->len), out);
  pop (b);

  return ok;
}

/* Free text with few distinct values (types, languages, licences) is
 * interned, as the JSON reader does. */
static gboolean
read_child_interned (Builder  *b,
                     xmlNode  *node,
                     char    **out)
{
  g_autofree char *text = NULL;

  *out = NULL;
  if (!read_child_text (b, node, &text))
    return FALSE;
  if (text != NULL)
    *out = g_ref_string_new_intern (text);

  return TRUE;
}

/* An attribute of @node, cleaned; NULL if it is missing or empty. */
static gboolean
read_attribute (Builder    *b,
                xmlNode    *node,
                const char *name,
                char      **out)
{
  g_autofree char *key = g_strconcat ("@", name, NULL);
  gboolean ok;

  push_element (b, key);
  ok = take_text (b, xmlGetNoNsProp (node, (const xmlChar *) name), out);
  pop (b);

  return ok;
}

static gboolean
read_child_url (Builder  *b,
                xmlNode  *node,
                char    **out)
{
  char *text = NULL;

  *out = NULL;
  if (node == NULL)
    return TRUE;

  push_element (b, node_name (node));
  if (!read_text (b, node, &text))
    {
      pop (b);
      return FALSE;
    }
  *out = oc3_schedule_builder_resolve_url (b, text);
  pop (b);

  return TRUE;
}

static gboolean
read_child_boolean (Builder  *b,
                    xmlNode  *node,
                    gboolean *out)
{
  g_autofree char *text = NULL;

  *out = FALSE;
  if (!read_child_text (b, node, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0 ||
      strcmp (text, "1") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (text, "false") != 0 && g_ascii_strcasecmp (text, "no") != 0 &&
           strcmp (text, "0") != 0)
    {
      push_element (b, node_name (node));
      oc3_schedule_builder_fail_value (b, _("not a boolean"), text);
      pop (b);
      return FALSE;
    }

  return TRUE;
}

/* --- times --------------------------------------------------------------------- */

/* Pentabarf's durations: "H:MM", "HH:MM" or "HH:MM:SS" (never days). */
static gboolean
parse_duration (const char *text,
                GTimeSpan  *out)
{
  int parts[3] = { 0, };
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

  if (*p != '\0' || n_parts < 2 || parts[1] > 59 || parts[2] > 59)
    return FALSE;

  *out = parts[0] * G_TIME_SPAN_HOUR + parts[1] * G_TIME_SPAN_MINUTE +
         parts[2] * G_TIME_SPAN_SECOND;

  return TRUE;
}

/* The UTC offset at the venue that @start (its wall-clock time) implies for
 * the instant of @date: wafer writes every <date> in UTC, with <start> in
 * the venue's time, and the zone should be the venue's. */
static int
venue_offset (const Oc3IsoTime *date,
              const char       *start)
{
  int hour;
  int minute;
  int utc_minutes;
  int difference;

  if (start == NULL || !oc3_schedule_parse_clock_time (start, &hour, &minute))
    return date->offset;

  utc_minutes = (int) (((oc3_iso_time_to_unix (date) / 60) % 1440 + 1440) % 1440);
  difference = ((hour * 60 + minute - utc_minutes) % 1440 + 1440) % 1440;
  /* Offsets run from -12:00 to +14:00. */
  if (difference > 14 * 60)
    difference -= 1440;

  return difference * 60;
}

typedef struct {
  Oc3Day    *day;
  GDateTime *day_start;
  /* The day's date as year, month, day; year 0 if unknown. */
  int        year;
  int        month;
  int        mday;
  /* The conference's day_change in minutes, or -1. */
  int        day_change;
} DayContext;

static gboolean
read_talk_times (Builder          *b,
                 xmlNode         **children,
                 const DayContext *ctx,
                 Oc3Talk          *talk)
{
  g_autofree char *date = NULL;
  g_autofree char *duration_text = NULL;
  GTimeSpan duration = 0;
  Oc3IsoTime t;

  if (!read_child_text (b, children[EVENT_DATE], &date))
    return FALSE;

  if (date != NULL)
    {
      push_element (b, "date");
      if (!oc3_schedule_parse_iso8601 (date, &t) || !t.has_time ||
          (talk->start = oc3_schedule_builder_date_time (b, &t)) == NULL)
        {
          oc3_schedule_builder_fail_value (b, _("not a date-time"), date);
          pop (b);
          return FALSE;
        }
      pop (b);
    }
  else
    {
      g_autofree char *start = NULL;
      int minute_of_day;

      if (!read_child_text (b, children[EVENT_START], &start))
        return FALSE;
      talk->start = oc3_schedule_builder_start_on_day (b, ctx->year, ctx->month, ctx->mday, start,
                                                       &minute_of_day);
      if (talk->start == NULL)
        return FALSE;
      /* Talks after midnight are filed under the day before: before the
       * day's start where it has one, else before the day_change. */
      if ((ctx->day_start != NULL && g_date_time_compare (talk->start, ctx->day_start) < 0) ||
          (ctx->day_start == NULL && minute_of_day < ctx->day_change))
        {
          GDateTime *next = g_date_time_add_days (talk->start, 1);

          g_date_time_unref (talk->start);
          talk->start = next;
        }
    }

  if (!read_child_text (b, children[EVENT_DURATION], &duration_text))
    return FALSE;

  push_element (b, "duration");
  if (duration_text == NULL)
    warn (b, _("missing; taken as zero"));
  else if (!parse_duration (duration_text, &duration))
    {
      oc3_schedule_builder_fail_value (b, _("not a duration"), duration_text);
      pop (b);
      return FALSE;
    }
  pop (b);

  talk->end = g_date_time_add (talk->start, duration);
  talk->start_unix = g_date_time_to_unix (talk->start);

  return TRUE;
}

/* --- persons, links and attachments --------------------------------------------- */

static gboolean
read_persons (Builder *b,
              xmlNode *persons,
              Oc3Talk *talk)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint position = 0;

  talk->persons = oc3_array_model_new (OC3_TYPE_PERSON, items);
  if (persons == NULL)
    return TRUE;

  push_element (b, "persons");
  for (xmlNode *node = persons->children; node != NULL; node = node->next)
    {
      Oc3SchedulePerson entry = { NULL, };
      Oc3Person *person;

      if (!is_element (node, "person"))
        continue;

      push (b, "person", ++position, NULL);
      if (!read_text (b, node, &entry.name) ||
          !read_attribute (b, node, "id", &entry.id) ||
          !read_attribute (b, node, "guid", &entry.guid))
        {
          g_free (entry.name);
          g_free (entry.id);
          g_free (entry.guid);
          return FALSE;
        }
      person = oc3_schedule_builder_add_person (b, &entry);
      pop (b);

      /* A person listed twice is listed once. */
      if (person != NULL && g_hash_table_add (seen, person))
        g_ptr_array_add (items, g_object_ref (person));
    }
  pop (b);

  return TRUE;
}

/* <links><link href="URL">title</link></links>, and the same for
 * <attachments>, whose entries are titled by their type if not otherwise. */
static gboolean
read_links (Builder     *b,
            xmlNode     *list,
            const char  *entry_name,
            GPtrArray  **out)
{
  guint position = 0;

  *out = g_ptr_array_new_with_free_func ((GDestroyNotify) oc3_link_unref);
  if (list == NULL)
    return TRUE;

  push_element (b, node_name (list));
  for (xmlNode *node = list->children; node != NULL; node = node->next)
    {
      g_autofree char *href = NULL;
      g_autofree char *url = NULL;
      g_autofree char *title = NULL;

      if (!is_element (node, entry_name))
        continue;

      push (b, entry_name, ++position, NULL);
      if (!read_attribute (b, node, "href", &href) ||
          !read_text (b, node, &title) ||
          (title == NULL && !read_attribute (b, node, "type", &title)))
        return FALSE;

      if (href == NULL)
        warn (b, _("a link without a URL was left out"));
      else
        {
          push_element (b, "@href");
          url = oc3_schedule_builder_resolve_url (b, g_steal_pointer (&href));
          pop (b);
        }

      if (url != NULL)
        g_ptr_array_add (*out, oc3_link_new (url, title));
      pop (b);
    }
  pop (b);

  return TRUE;
}

/* --- talks --------------------------------------------------------------------- */

/* A guid for an event that has none, the same on every parse: a UUIDv5 of
 * the conference (acronym, or title) and the event (id, slug, or time,
 * room and title). */
static char *
derive_guid (const char *conference,
             const char *event)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, guid_namespace, sizeof guid_namespace);
  g_checksum_update (checksum, (const guchar *) conference, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) event, -1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The room a talk is in, added when its first talk is read, as the JSON
 * reader does. */
static Oc3Room *
room_for_talk (Builder    *b,
               const char *name,
               const char *guid)
{
  Oc3Room *room = g_hash_table_lookup (b->rooms_by_name, name);
  Oc3Room *same_guid;

  if (room != NULL)
    return g_object_ref (room);

  room = oc3_schedule_builder_add_room (b, name);
  same_guid = guid != NULL ? g_hash_table_lookup (b->rooms_by_guid, guid) : NULL;
  if (same_guid != NULL)
    warn (b, _("room “%s” has the same guid as room “%s”; both are kept"), name, same_guid->name);
  else if (guid != NULL)
    {
      room->guid = g_strdup (guid);
      g_hash_table_insert (b->rooms_by_guid, room->guid, room);
    }

  return g_object_ref (room);
}

static gboolean
read_talk (Builder          *b,
           Oc3Conference    *conference,
           xmlNode          *event,
           const char       *room_name,
           const char       *room_guid,
           const DayContext *ctx,
           GPtrArray        *day_talks)
{
  xmlNode *children[N_EVENT_CHILDREN];
  xmlNode *recording[N_RECORDING_CHILDREN] = { NULL, };
  g_autoptr (Oc3Talk) talk = oc3_talk_new ();
  g_autofree char *guid = NULL;
  g_autofree char *track = NULL;
  g_autofree char *room = NULL;
  const char *name;

  talk->day_index = ctx->day->index;
  collect_children (event, event_children, N_EVENT_CHILDREN, children);
  if (children[EVENT_RECORDING] != NULL)
    collect_children (children[EVENT_RECORDING], recording_children, N_RECORDING_CHILDREN,
                      recording);

  if (!read_attribute (b, event, "guid", &guid) ||
      !read_attribute (b, event, "id", &talk->id) ||
      (talk->id == NULL && !read_attribute (b, event, "code", &talk->id)) ||
      !read_child_text (b, children[EVENT_TITLE], &talk->title) ||
      !read_child_text (b, children[EVENT_SUBTITLE], &talk->subtitle) ||
      !read_child_text (b, children[EVENT_SLUG], &talk->slug) ||
      !read_child_html (b, children[EVENT_ABSTRACT], &talk->abstract) ||
      !read_child_html (b, children[EVENT_DESCRIPTION], &talk->description) ||
      !read_child_text (b, children[EVENT_TRACK], &track) ||
      !read_child_text (b, children[EVENT_ROOM], &room) ||
      !read_child_interned (b, children[EVENT_TYPE], &talk->talk_type) ||
      !read_child_interned (b, children[EVENT_LANGUAGE], &talk->language))
    return FALSE;

  if (children[EVENT_RECORDING] != NULL)
    {
      push_element (b, "recording");
      if (!read_child_interned (b, recording[RECORDING_LICENSE], &talk->recording_license) ||
          !read_child_boolean (b, recording[RECORDING_OPTOUT], &talk->do_not_record))
        return FALSE;
      pop (b);
    }

  if (!read_child_url (b, children[EVENT_URL], &talk->url) ||
      !read_child_url (b, children[EVENT_LOGO], &talk->logo) ||
      !read_talk_times (b, children, ctx, talk) ||
      !read_persons (b, children[EVENT_PERSONS], talk) ||
      !read_links (b, children[EVENT_LINKS], "link", &talk->links) ||
      !read_links (b, children[EVENT_ATTACHMENTS], "attachment", &talk->attachments))
    return FALSE;

  /* The room the event is listed in is the one it is in. */
  name = room_name != NULL ? room_name : room;
  if (room_name != NULL && room != NULL && strcmp (room, room_name) != 0)
    {
      push_element (b, "room");
      warn (b, _("“%s” differs from the room it is listed in, “%s”; using “%s”"),
            room, room_name, room_name);
      pop (b);
    }
  if (name != NULL)
    talk->room = room_for_talk (b, name, room_name != NULL ? room_guid : NULL);

  if (track != NULL)
    {
      talk->track = g_hash_table_lookup (b->tracks_by_name, track);
      if (talk->track == NULL)
        talk->track = oc3_schedule_builder_add_track (b, track, NULL);
      g_object_ref (talk->track);
    }

  push_element (b, "@guid");
  if (guid == NULL)
    {
      const char *key = conference->acronym != NULL ? conference->acronym : conference->title;
      g_autofree char *event_key = NULL;

      if (talk->id != NULL)
        event_key = g_strconcat ("id:", talk->id, NULL);
      else if (talk->slug != NULL)
        event_key = g_strconcat ("slug:", talk->slug, NULL);
      else
        event_key = g_strdup_printf ("%" G_GINT64_FORMAT "@%s:%s", talk->start_unix,
                                     name != NULL ? name : "",
                                     talk->title != NULL ? talk->title : "");
      guid = derive_guid (key != NULL ? key : "", event_key);
      warn (b, _("missing; using “%s”"), guid);
    }
  pop (b);

  if (talk->title == NULL)
    {
      push_element (b, "title");
      warn (b, _("missing"));
      pop (b);
      talk->title = g_strdup (_("Untitled"));
    }

  push_element (b, "@guid");
  oc3_schedule_builder_add_talk (b, g_steal_pointer (&talk), guid, day_talks);
  pop (b);

  return TRUE;
}

/* --- days ------------------------------------------------------------------------ */

static gboolean
read_date_time_attribute (Builder     *b,
                          xmlNode     *node,
                          const char  *name,
                          GDateTime  **out)
{
  g_autofree char *text = NULL;
  Oc3IsoTime t;

  *out = NULL;
  if (!read_attribute (b, node, name, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!oc3_schedule_parse_iso8601 (text, &t) || !t.has_time ||
      (*out = oc3_schedule_builder_date_time (b, &t)) == NULL)
    {
      g_autofree char *key = g_strconcat ("@", name, NULL);

      push_element (b, key);
      oc3_schedule_builder_fail_value (b, _("not a date-time"), text);
      pop (b);
      return FALSE;
    }

  return TRUE;
}

/* The local date of the first event in @day with a usable <date>. */
static gboolean
first_talk_date (Builder    *b,
                 xmlNode    *day,
                 Oc3IsoTime *out)
{
  for (xmlNode *room = day->children; room != NULL; room = room->next)
    {
      if (!is_element (room, "room"))
        continue;

      for (xmlNode *event = room->children; event != NULL; event = event->next)
        {
          if (!is_element (event, "event"))
            continue;

          for (xmlNode *child = event->children; child != NULL; child = child->next)
            {
              g_autoptr (GDateTime) start = NULL;
              g_autofree char *text = NULL;
              xmlChar *raw;
              Oc3IsoTime t;

              if (!is_element (child, "date"))
                continue;

              /* Read as read_talk_times() will read it. */
              raw = xmlNodeGetContent (child);
              if (raw != NULL && g_utf8_validate ((const char *) raw, -1, NULL))
                text = oc3_text_clean ((const char *) raw, -1);
              xmlFree (raw);
              if (text == NULL || !oc3_schedule_parse_iso8601 (text, &t) || !t.has_time ||
                  (start = oc3_schedule_builder_date_time (b, &t)) == NULL)
                break;

              g_date_time_get_ymd (start, &out->year, &out->month, &out->day);
              return TRUE;
            }
        }
    }

  return FALSE;
}

static gboolean
read_day_date (Builder    *b,
               xmlNode    *node,
               DayContext *ctx)
{
  g_autofree char *text = NULL;
  Oc3IsoTime t = { 0, };

  if (!read_attribute (b, node, "date", &text))
    return FALSE;

  push_element (b, "@date");
  if (text != NULL)
    {
      g_autoptr (GDateTime) dt = NULL;

      if (!oc3_schedule_parse_iso8601 (text, &t) ||
          (t.has_time && (dt = oc3_schedule_builder_date_time (b, &t)) == NULL))
        {
          oc3_schedule_builder_fail_value (b, _("not a date"), text);
          pop (b);
          return FALSE;
        }
      if (dt != NULL)
        g_date_time_get_ymd (dt, &t.year, &t.month, &t.day);
    }
  else if (ctx->day_start != NULL)
    {
      g_date_time_get_ymd (ctx->day_start, &t.year, &t.month, &t.day);
      warn (b, _("missing; using the date of day_start"));
    }
  else if (first_talk_date (b, node, &t))
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
read_day (Builder       *b,
          Oc3Conference *conference,
          xmlNode       *node,
          guint          position,
          int            day_change)
{
  g_autoptr (Oc3Day) day = oc3_day_new ();
  g_autoptr (GDateTime) day_end = NULL;
  g_autoptr (GPtrArray) talks = g_ptr_array_new ();
  g_autofree char *index = NULL;
  DayContext ctx = { day, NULL, 0, 0, 0, day_change };
  guint room_position = 0;

  day->index = position;
  if (!read_attribute (b, node, "index", &index))
    return FALSE;
  if (index != NULL)
    {
      char *end = NULL;
      gint64 value = g_ascii_strtoll (index, &end, 10);

      if (end == index || *end != '\0' || value < G_MININT || value > G_MAXINT)
        {
          push_element (b, "@index");
          oc3_schedule_builder_fail_value (b, _("not a whole number"), index);
          pop (b);
          return FALSE;
        }
      day->index = (int) value;
    }

  if (!read_date_time_attribute (b, node, "start", &day->start) ||
      !read_date_time_attribute (b, node, "end", &day_end))
    return FALSE;
  ctx.day_start = day->start;

  if (!read_day_date (b, node, &ctx))
    return FALSE;

  for (xmlNode *room = node->children; room != NULL; room = room->next)
    {
      g_autofree char *room_name = NULL;
      g_autofree char *room_guid = NULL;
      guint event_position = 0;

      if (!is_element (room, "room"))
        continue;

      room_position++;
      if (!read_attribute (b, room, "name", &room_name))
        return FALSE;
      push (b, "room", room_name == NULL ? room_position : 0, room_name);
      if (!read_attribute (b, room, "guid", &room_guid))
        return FALSE;

      for (xmlNode *event = room->children; event != NULL; event = event->next)
        {
          if (!is_element (event, "event"))
            continue;

          if ((b->talks->len & 255) == 255 && oc3_schedule_builder_cancelled (b))
            return FALSE;

          push (b, "event", ++event_position, NULL);
          if (!read_talk (b, conference, event, room_name, room_guid, &ctx, talks))
            return FALSE;
          pop (b);
        }
      pop (b);
    }

  oc3_schedule_builder_add_day (b, g_steal_pointer (&day), g_steal_pointer (&talks),
                                ctx.year, ctx.month, ctx.mday, g_steal_pointer (&day_end),
                                "@date");

  return TRUE;
}

/* --- the conference ------------------------------------------------------------ */

/* Walks day/room/event once, before anything is built: counts the talks (to
 * refuse absurd files early) and collects the times with offsets (to choose
 * the zone), at the venue's offsets (see venue_offset()). The days' start
 * and end are left out: wafer writes them in UTC too, with nothing to tell
 * the venue's offset by. Anything malformed is left for the second walk. */
static gboolean
survey_days (Builder *b,
             xmlNode *schedule,
             GArray  *samples)
{
  guint day_position = 0;

  for (xmlNode *day = schedule->children; day != NULL; day = day->next)
    {
      if (!is_element (day, "day"))
        continue;
      day_position++;

      guint room_position = 0;

      for (xmlNode *room = day->children; room != NULL; room = room->next)
        {
          guint event_position = 0;

          if (!is_element (room, "room"))
            continue;
          room_position++;

          for (xmlNode *event = room->children; event != NULL; event = event->next)
            {
              xmlChar *date = NULL;
              xmlChar *start = NULL;
              Oc3IsoTime t;

              if (!is_element (event, "event"))
                continue;
              event_position++;

              if (++b->n_talks > OC3_SCHEDULE_MAX_TALKS)
                {
                  g_autofree char *room_name =
                    (char *) xmlGetNoNsProp (room, (const xmlChar *) "name");

                  push (b, "day", day_position, NULL);
                  push (b, "room", room_name == NULL ? room_position : 0, room_name);
                  push (b, "event", event_position, NULL);
                  fail (b, OC3_SCHEDULE_ERROR_TOO_LARGE, _("more than %d talks"),
                        OC3_SCHEDULE_MAX_TALKS);
                  b->path_len -= 3;
                  return FALSE;
                }

              for (xmlNode *child = event->children; child != NULL; child = child->next)
                {
                  if (date == NULL && is_element (child, "date"))
                    date = xmlNodeGetContent (child);
                  else if (start == NULL && is_element (child, "start"))
                    start = xmlNodeGetContent (child);
                }

              if (date != NULL)
                g_strstrip ((char *) date);
              if (start != NULL)
                g_strstrip ((char *) start);
              if (date != NULL && oc3_schedule_parse_iso8601 ((const char *) date, &t) &&
                  t.has_time && t.has_offset)
                {
                  Oc3ScheduleTimeSample sample = {
                    oc3_iso_time_to_unix (&t), venue_offset (&t, (const char *) start)
                  };

                  g_array_append_val (samples, sample);
                }
              xmlFree (date);
              xmlFree (start);
            }
        }
    }

  return TRUE;
}

static gboolean
choose_zone (Builder      *b,
             xmlNode      *name_node,
             const GArray *samples)
{
  g_autofree char *name = NULL;

  if (!read_child_text (b, name_node, &name))
    return FALSE;

  push_element (b, "time_zone_name");
  oc3_schedule_builder_choose_zone (b, name, samples);
  pop (b);

  return TRUE;
}

static gboolean
read_conference_bound (Builder     *b,
                       xmlNode     *node,
                       gboolean     is_end,
                       GDateTime  **out)
{
  g_autofree char *text = NULL;

  *out = NULL;
  if (!read_child_text (b, node, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  push_element (b, node_name (node));
  *out = oc3_schedule_builder_bound (b, text, is_end);
  pop (b);

  return TRUE;
}

/* Tracks declared up front, as <track name="" color=""/> in the conference
 * (c3voc's XSD) or <tracks><track>Name</track></tracks> (FOSDEM). */
static gboolean
read_tracks (Builder *b,
             xmlNode *parent)
{
  guint position = 0;

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *color_text = NULL;
      char color[8];
      gboolean has_color = FALSE;

      if (!is_element (node, "track"))
        continue;

      push (b, "track", ++position, NULL);
      if (!read_attribute (b, node, "name", &name) ||
          (name == NULL && !read_text (b, node, &name)) ||
          !read_attribute (b, node, "color", &color_text))
        return FALSE;

      if (color_text != NULL)
        {
          has_color = oc3_schedule_parse_color (color_text, color);
          if (!has_color)
            {
              g_autofree char *quoted = oc3_schedule_quote (color_text);

              push_element (b, "@color");
              warn (b, _("not a colour (#rrggbb): %s; using one derived from the name"), quoted);
              pop (b);
            }
        }

      if (name == NULL)
        warn (b, _("a track without a name was left out"));
      else if (g_hash_table_contains (b->tracks_by_name, name))
        warn (b, _("a second track named “%s” was left out"), name);
      else
        oc3_schedule_builder_add_track (b, name, has_color ? color : NULL);
      pop (b);
    }

  return TRUE;
}

static gboolean
read_base_url (Builder *b,
               xmlNode *node)
{
  g_autofree char *base_url = NULL;

  if (!read_child_text (b, node, &base_url))
    return FALSE;
  if (base_url != NULL)
    {
      push_element (b, "base_url");
      oc3_schedule_builder_set_base_url (b, g_steal_pointer (&base_url));
      pop (b);
    }

  return TRUE;
}

static gboolean
read_schedule (Builder       *b,
               xmlDoc        *doc,
               Oc3Conference *conference)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *schedule_values[N_SCHEDULE_CHILDREN];
  xmlNode *values[N_CONFERENCE_CHILDREN];
  xmlNode *node;
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (Oc3ScheduleTimeSample));
  g_autofree char *city = NULL;
  int day_change = -1;
  guint position = 0;

  if (root == NULL || strcmp (node_name (root), "schedule") != 0)
    return fail (b, OC3_SCHEDULE_ERROR_SHAPE,
                 _("not a schedule: the root element is <%s>, not <schedule>"),
                 root != NULL ? node_name (root) : "");

  push_element (b, "schedule");
  if (!survey_days (b, root, samples))
    return FALSE;

  collect_children (root, schedule_children, N_SCHEDULE_CHILDREN, schedule_values);
  if (!read_child_text (b, schedule_values[SCHEDULE_VERSION], &conference->version))
    return FALSE;

  node = schedule_values[SCHEDULE_CONFERENCE];
  push_element (b, "conference");
  if (node == NULL)
    return fail (b, OC3_SCHEDULE_ERROR_SHAPE, _("missing"));
  collect_children (node, conference_children, N_CONFERENCE_CHILDREN, values);

  if (!read_base_url (b, values[CONFERENCE_BASE_URL]))
    return FALSE;
  if (b->base_url == NULL)
    {
      pop (b);
      if (!read_base_url (b, schedule_values[SCHEDULE_BASE_URL]))
        return FALSE;
      push_element (b, "conference");
    }

  if (!read_child_text (b, values[CONFERENCE_TITLE], &conference->title) ||
      !read_child_text (b, values[CONFERENCE_ACRONYM], &conference->acronym) ||
      !read_child_text (b, values[CONFERENCE_SUBTITLE], &conference->description) ||
      !read_child_text (b, values[CONFERENCE_VENUE], &conference->venue) ||
      !read_child_text (b, values[CONFERENCE_CITY], &city) ||
      !read_child_url (b, values[CONFERENCE_URL], &conference->url))
    return FALSE;

  /* The model has no city: it goes with the venue. */
  if (city != NULL && conference->venue == NULL)
    conference->venue = g_steal_pointer (&city);
  else if (city != NULL && strstr (conference->venue, city) == NULL)
    {
      char *venue = g_strdup_printf ("%s, %s", conference->venue, city);

      g_free (conference->venue);
      conference->venue = venue;
    }

  if (conference->title == NULL)
    {
      push_element (b, "title");
      warn (b, _("missing"));
      pop (b);
      conference->title = g_strdup (conference->acronym != NULL ? conference->acronym
                                                                : _("Untitled conference"));
    }

  if (values[CONFERENCE_DAY_CHANGE] != NULL)
    {
      g_autofree char *text = NULL;
      int hour;
      int minute;

      if (!read_child_text (b, values[CONFERENCE_DAY_CHANGE], &text))
        return FALSE;
      if (text != NULL)
        {
          push_element (b, "day_change");
          if (!oc3_schedule_parse_clock_time (text, &hour, &minute))
            {
              oc3_schedule_builder_fail_value (b, _("not a time"), text);
              pop (b);
              return FALSE;
            }
          pop (b);
          day_change = hour * 60 + minute;
        }
    }

  if (!choose_zone (b, values[CONFERENCE_TIME_ZONE_NAME], samples) ||
      !read_conference_bound (b, values[CONFERENCE_START], FALSE, &conference->start) ||
      !read_conference_bound (b, values[CONFERENCE_END], TRUE, &conference->end) ||
      !read_tracks (b, node))
    return FALSE;
  pop (b);

  if (schedule_values[SCHEDULE_TRACKS] != NULL)
    {
      push_element (b, "tracks");
      if (!read_tracks (b, schedule_values[SCHEDULE_TRACKS]))
        return FALSE;
      pop (b);
    }

  for (node = root->children; node != NULL; node = node->next)
    {
      if (!is_element (node, "day"))
        continue;

      if (oc3_schedule_builder_cancelled (b))
        return FALSE;

      push (b, "day", ++position, NULL);
      if (!read_day (b, conference, node, position, day_change))
        return FALSE;
      pop (b);
    }

  if (position == 0)
    warn (b, _("no days: the schedule has no talks yet"));
  pop (b);

  return TRUE;
}

/* --- parsing, safely ------------------------------------------------------------ */

/* What the SAX hooks below see while libxml2 parses; the first problem. */
typedef struct {
  startElementNsSAX2Func  start_element;
  endElementNsSAX2Func    end_element;
  int                     depth;
  guint                   n_nodes;

  /* An OC3_SCHEDULE_ERROR code; or -1 for libxml2's error, in xml_code. */
  int                     code;
  int                     xml_code;
  char                   *path;
  char                   *message;
  int                     line;
  int                     column;
} Guard;

static void
append_node_path (GString       *path,
                  const xmlNode *node)
{
  g_autofree char *room_name = NULL;
  guint index = 1;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return;

  append_node_path (path, node->parent);

  for (const xmlNode *sibling = node->prev; sibling != NULL; sibling = sibling->prev)
    if (sibling->type == XML_ELEMENT_NODE && strcmp (node_name (sibling), node_name (node)) == 0)
      index++;
  if (strcmp (node_name (node), "room") == 0)
    room_name = (char *) xmlGetNoNsProp (node, (const xmlChar *) "name");

  if (path->len > 0)
    g_string_append_c (path, '/');
  g_string_append (path, node_name (node));
  if (room_name != NULL)
    {
      g_string_append (path, "[@name=");
      oc3_json_append_quoted (path, room_name, 80);
      g_string_append_c (path, ']');
    }
  else if (index > 1 || strcmp (node_name (node), "day") == 0 ||
           strcmp (node_name (node), "event") == 0)
    g_string_append_printf (path, "[%u]", index);
}

/* Where the parser is: the path of the element it is in, with @child. */
static char *
parser_path (xmlParserCtxt *ctxt,
             const char    *child)
{
  GString *path = g_string_new (NULL);

  append_node_path (path, ctxt->node);
  if (child != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '/');
      g_string_append (path, child);
    }
  if (path->len == 0)
    g_string_append (path, "(root)");

  return g_string_free (path, FALSE);
}

/* Keeps the first problem and stops the parser. */
static void G_GNUC_PRINTF (4, 5)
guard_stop (xmlParserCtxt *ctxt,
            int            code,
            const char    *child,
            const char    *format,
            ...)
{
  Guard *guard = ctxt->_private;
  va_list args;

  if (guard->message == NULL)
    {
      guard->code = code;
      guard->path = parser_path (ctxt, child);
      va_start (args, format);
      guard->message = g_strdup_vprintf (format, args);
      va_end (args);
      guard->line = xmlSAX2GetLineNumber (ctxt);
      guard->column = xmlSAX2GetColumnNumber (ctxt);
    }

  xmlStopParser (ctxt);
}

static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = user_data;
  Guard *guard = ctxt->_private;

  guard->n_nodes += 1 + n_namespaces + n_attributes;
  if (++guard->depth > OC3_SCHEDULE_MAX_DEPTH)
    guard_stop (ctxt, OC3_SCHEDULE_ERROR_TOO_DEEP, (const char *) localname,
                _("elements nested deeper than %d levels"), OC3_SCHEDULE_MAX_DEPTH);
  else if (guard->n_nodes > MAX_NODES)
    guard_stop (ctxt, OC3_SCHEDULE_ERROR_TOO_LARGE, (const char *) localname,
                _("more than %d elements and attributes"), MAX_NODES);
  else
    guard->start_element (user_data, localname, prefix, uri, n_namespaces, namespaces,
                          n_attributes, n_defaulted, attributes);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxt *ctxt = user_data;
  Guard *guard = ctxt->_private;

  guard->depth--;
  guard->end_element (user_data, localname, prefix, uri);
}

/* Entities are how XML documents blow up (billion laughs) or read local
 * files and URLs (external entities); no schedule declares any. */
static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  guard_stop (user_data, OC3_SCHEDULE_ERROR_UNSAFE, NULL,
              _("entity declarations are not allowed"));
}

/* Declared default attributes make libxml2 add attributes to every element
 * of a kind: unbounded work, and again nothing a schedule does. */
static void
attribute_decl_cb (void          *user_data,
                   const xmlChar *element,
                   const xmlChar *name,
                   int            type,
                   int            def,
                   const xmlChar *default_value,
                   xmlEnumeration *tree)
{
  xmlFreeEnumeration (tree);
  guard_stop (user_data, OC3_SCHEDULE_ERROR_UNSAFE, NULL,
              _("attribute declarations are not allowed"));
}

static void
#if LIBXML_VERSION >= 21200
structured_error_cb (void           *user_data,
                     const xmlError *error)
#else
structured_error_cb (void     *user_data,
                     xmlError *error)
#endif
{
  xmlParserCtxt *ctxt = user_data;
  Guard *guard = ctxt->_private;
  g_autofree char *message = NULL;

  /* Warnings and namespace errors leave the document well-formed. */
  if (guard->message != NULL || error->level != XML_ERR_FATAL)
    return;

  /* The first error is all that is reported; and libxml2 would go on, on
   * input that check_attribute_counts() may have read otherwise. */
  xmlStopParser (ctxt);

  message = g_strstrip (g_strdelimit (g_strdup (error->message != NULL ? error->message : ""),
                                      "\r\n", ' '));

  guard->code = -1;
  guard->xml_code = error->code;
  guard->path = parser_path (ctxt, NULL);
  guard->message = g_steal_pointer (&message);
  guard->line = error->line;
  guard->column = error->int2;
}

static const char *
skip_past (const char *p,
           const char *end,
           const char *terminator)
{
  const char *found = memmem (p, end - p, terminator, strlen (terminator));

  return found != NULL ? found + strlen (terminator) : NULL;
}

/*
 * Whether @data holds a whole document: its root element ends (with an end
 * tag, or as an empty-element tag). A document cut short never does, so a
 * malformed one that does not is taken for a cut-off download — wherever
 * libxml2 noticed, which is not always at the end.
 */
static gboolean
document_is_complete (const char *data,
                      gsize       length)
{
  const char *end = data + length;
  const char *p = data;
  const char *name;
  gsize name_length;
  char quote = 0;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  /* The prolog: declarations, comments, processing instructions, DOCTYPE. */
  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        p = skip_past (p + 4, end, "-->");
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        p = skip_past (p + 2, end, "?>");
      else if (end - p >= 2 && memcmp (p, "<!", 2) == 0)
        {
          const char *close = memchr (p, '>', end - p);
          const char *subset = memchr (p, '[', end - p);

          if (subset != NULL && (close == NULL || subset < close))
            p = skip_past (subset, end, "]");
          p = p != NULL ? skip_past (p, end, ">") : NULL;
        }
      else
        break;
      if (p == NULL)
        return FALSE;
    }

  if (p == end || *p != '<')
    return FALSE;
  name = ++p;
  while (p < end && !g_ascii_isspace (*p) && *p != '/' && *p != '>')
    p++;
  name_length = p - name;

  /* The root's start tag, perhaps an empty-element tag. */
  for (; p < end; p++)
    {
      if (quote != 0)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        break;
    }
  if (p == end)
    return FALSE;
  if (p[-1] == '/')
    return TRUE;

  /* Its end tag. */
  while ((p = memmem (p, end - p, "</", 2)) != NULL)
    {
      p += 2;
      if ((gsize) (end - p) > name_length && memcmp (p, name, name_length) == 0)
        {
          const char *after = p + name_length;

          while (after < end && g_ascii_isspace (*after))
            after++;
          if (after < end && *after == '>')
            return TRUE;
        }
    }

  return FALSE;
}

/* Sets an error at @path (not the builder's), where libxml2 or the scan
 * below found it. */
static void
fail_located (Builder    *b,
              int         code,
              const char *path,
              const char *message,
              int         line,
              int         column)
{
  if (b->error == NULL || *b->error != NULL)
    return;

  g_set_error (b->error, OC3_SCHEDULE_ERROR, code, _("%s: %s (line %u, column %ld)"),
               path, message, (guint) MAX (line, 0), (long) MAX (column, 0));
}

/* The end of the markup from @p (just past its "<") on: the first '>'
 * outside quotes, or the '[' that opens a DOCTYPE's internal subset. Counts
 * the '=' outside quotes in @n_equals. */
static const char *
find_markup_end (const char *p,
                 const char *end,
                 gboolean    stop_at_bracket,
                 guint      *n_equals)
{
  char quote = 0;

  for (; p < end; p++)
    {
      if (quote != 0)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '=')
        (*n_equals)++;
      else if (*p == '>' || (stop_at_bracket && *p == '['))
        return p;
    }

  return NULL;
}

/*
 * Refuses start tags with more than MAX_ATTRIBUTES attributes before
 * libxml2 spends quadratic time on them. A linear scan that follows XML's
 * grammar as far as markup goes — comments, CDATA sections, processing
 * instructions, declarations (a DOCTYPE's internal subset included), and
 * tags, with quoted values that may hold '>' — and counts the '=' outside
 * quotes in each start tag. It agrees with libxml2 on every well-formed
 * document; at the first error, libxml2 stops (see structured_error_cb()).
 */
static gboolean
check_attribute_counts (Builder    *b,
                        const char *data,
                        gsize       length)
{
  const char *end = data + length;
  const char *p = data;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      const char *close;
      guint n_attributes = 0;

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = memmem (p + 4, end - p - 4, "-->", 3);
      else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        close = memmem (p + 9, end - p - 9, "]]>", 3);
      else if (end - p >= 2 && p[1] == '?')
        close = memmem (p + 2, end - p - 2, "?>", 2);
      else if (end - p >= 2 && p[1] == '!')
        close = find_markup_end (p + 2, end, TRUE, &n_attributes);
      else
        {
          close = find_markup_end (p + 1, end, FALSE, &n_attributes);

          if (n_attributes > MAX_ATTRIBUTES)
            {
              g_autofree char *message = NULL;
              int line = 1;
              int column = 1;

              for (const char *q = data; q < p; q++)
                {
                  if (*q == '\n')
                    {
                      line++;
                      column = 1;
                    }
                  else if ((*q & 0xc0) != 0x80)
                    column++;
                }

              message = g_strdup_printf (_("a start tag with more than %d attributes"),
                                         MAX_ATTRIBUTES);
              fail_located (b, OC3_SCHEDULE_ERROR_TOO_LARGE, "(root)", message, line, column);
              return FALSE;
            }
        }

      /* Unterminated: libxml2 finds nothing more either. */
      if (close == NULL)
        break;
      p = close + 1;
    }

  return TRUE;
}

static xmlDoc *
parse_document (Builder    *b,
                const char *data,
                gsize       length)
{
  xmlParserCtxt *ctxt;
  xmlDoc *doc = NULL;
  Guard guard = { NULL, };
  const char *start = data;
  int skipped_lines = 0;

  if (!check_attribute_counts (b, data, length))
    return NULL;

  /* Some servers send a line break before the XML declaration, where XML
   * allows nothing; it is skipped (and counted in the lines reported). */
  if (length >= 3 && memcmp (start, "\xef\xbb\xbf", 3) == 0)
    start += 3;
  while (start < data + length && g_ascii_isspace (*start))
    skipped_lines += *start++ == '\n';
  if ((gsize) (start - data) + 5 <= length && memcmp (start, "<?xml", 5) == 0)
    {
      length -= start - data;
      data = start;
    }
  else
    skipped_lines = 0;

  xmlInitParser ();
  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      fail (b, OC3_SCHEDULE_ERROR_SYNTAX, _("not well-formed XML"));
      return NULL;
    }

  /* No network, no DTD loaded, no entity substituted (no XML_PARSE_NOENT,
   * XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR), libxml2's limits kept (no
   * XML_PARSE_HUGE); no messages on stderr: the hooks collect them. This is
   * xmlReadMemory() with hooks. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA |
                           XML_PARSE_NOERROR | XML_PARSE_NOWARNING
#if LIBXML_VERSION >= 21300
                           | XML_PARSE_NO_XXE
#endif
                     );

  guard.start_element = ctxt->sax->startElementNs;
  guard.end_element = ctxt->sax->endElementNs;
  ctxt->_private = &guard;
  ctxt->sax->startElementNs = start_element_cb;
  ctxt->sax->endElementNs = end_element_cb;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->attributeDecl = attribute_decl_cb;
  ctxt->sax->serror = structured_error_cb;
  /* Not even asked for: an external DTD, comments and processing
   * instructions (which would only cost memory). */
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->comment = NULL;
  ctxt->sax->processingInstruction = NULL;

  xmlParseDocument (ctxt);

  if (guard.message == NULL && ctxt->wellFormed)
    doc = g_steal_pointer (&ctxt->myDoc);
  else if (guard.message != NULL && guard.code == -1 && !document_is_complete (data, length))
    {
      /* Where the input ends, whatever libxml2 says about it. */
      if (b->error != NULL && *b->error == NULL)
        g_set_error (b->error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_TRUNCATED, "%s: %s",
                     guard.path, _("unexpected end of input (is the file truncated?)"));
    }
  else if (guard.message != NULL && guard.code == -1)
    {
      g_autofree char *message = g_strdup_printf (_("not well-formed XML: %s"), guard.message);

      switch (guard.xml_code)
        {
        case XML_ERR_INVALID_CHAR:
        case XML_ERR_INVALID_ENCODING:
        case XML_ERR_UNKNOWN_ENCODING:
        case XML_ERR_UNSUPPORTED_ENCODING:
          guard.code = OC3_SCHEDULE_ERROR_ENCODING;
          break;

        default:
          guard.code = OC3_SCHEDULE_ERROR_SYNTAX;
          break;
        }
      fail_located (b, guard.code, guard.path, message, guard.line + skipped_lines, guard.column);
    }
  else if (guard.message != NULL)
    fail_located (b, guard.code, guard.path, guard.message, guard.line + skipped_lines,
                  guard.column);
  else
    fail (b, OC3_SCHEDULE_ERROR_SYNTAX, _("not well-formed XML"));

  g_clear_pointer (&ctxt->myDoc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);
  g_free (guard.path);
  g_free (guard.message);

  return doc;
}

Oc3Conference *
oc3_schedule_read_xml (const char    *data,
                       gsize          length,
                       GTimeZone     *default_zone,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr (Oc3Conference) conference = NULL;
  xmlDoc *doc;
  Builder b;
  gboolean ok;

  oc3_schedule_builder_init (&b, OC3_SCHEDULE_PATH_XML, default_zone, cancellable, error);

  doc = parse_document (&b, data, length);
  if (doc == NULL)
    {
      oc3_schedule_builder_clear (&b);
      return NULL;
    }
  b.doc = doc;

  conference = oc3_conference_new ();
  ok = read_schedule (&b, doc, conference);
  /* The tree (the bulk of the memory) goes before the model is wired. */
  xmlFreeDoc (doc);

  if (ok)
    oc3_schedule_builder_finish (&b, conference);
  oc3_schedule_builder_clear (&b);

  return ok ? g_steal_pointer (&conference) : NULL;
}
