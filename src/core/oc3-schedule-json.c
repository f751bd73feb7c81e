/* oc3-schedule-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "oc3-conference-private.h"
#include "oc3-day-private.h"
#include "oc3-json-document.h"
#include "oc3-person-private.h"
#include "oc3-room-private.h"
#include "oc3-schedule-private.h"
#include "oc3-talk-private.h"
#include "oc3-text.h"
#include "oc3-track-private.h"

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

typedef struct {
  /* A member name, or NULL for an array index. */
  const char *key;
  guint       index;
} PathSegment;

typedef struct {
  gint64 unix_time;
  int    offset;
} TimeSample;

typedef struct {
  const Oc3JsonDocument *doc;
  GCancellable          *cancellable;
  GError               **error;
  GPtrArray             *warnings;

  /* The schedule's shape bounds how deep the reader goes. */
  PathSegment            path[16];
  guint                  path_len;

  GTimeZone             *tz;
  char                  *base_url;
  const char * const    *languages;

  GPtrArray             *days;
  GPtrArray             *talks;
  GPtrArray             *rooms;
  GPtrArray             *tracks;
  GPtrArray             *persons;
  GHashTable            *talks_by_guid;
  GHashTable            *rooms_by_name;
  GHashTable            *rooms_by_guid;
  GHashTable            *tracks_by_name;
  /* A repeated guid to the next "#N" suffix to try. */
  GHashTable            *guid_suffixes;
  /* "g:GUID", "i:ID", "c:CODE" or "n:NAME" to the person. */
  GHashTable            *persons_by_key;
  /* Day to its GPtrArray of talks (no references held). */
  GHashTable            *day_talks;
  guint                  n_talks;
} Builder;

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

/* URL schemes a link may have; anything else (javascript:, file:, data:…)
 * is dropped rather than handed to a URI launcher. */
static const char * const safe_schemes[] = {
  "http", "https", "mailto", "tel", "matrix", "irc", "ircs", "xmpp", "geo", "ftp", "sftp",
};

/* Where a conference's offsets vary (it spans a daylight-saving change) and
 * its time_zone_name is missing or wrong, the first of these whose offsets
 * match every time is used: for those times, all matching zones agree. */
static const char * const candidate_zones[] = {
  "Europe/Berlin", "Europe/London", "Europe/Lisbon", "Europe/Helsinki", "Europe/Moscow",
  "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
  "America/Los_Angeles", "America/Sao_Paulo", "America/Mexico_City", "Asia/Kolkata",
  "Asia/Tokyo", "Asia/Shanghai", "Asia/Singapore", "Australia/Sydney", "Australia/Perth",
  "Pacific/Auckland", "Africa/Johannesburg",
};

/* --- paths, warnings and errors --------------------------------------------- */

static inline void
push_key (Builder    *b,
          const char *key)
{
  g_assert (b->path_len < G_N_ELEMENTS (b->path));
  b->path[b->path_len++] = (PathSegment) { key, 0 };
}

static inline void
push_index (Builder *b,
            guint    index)
{
  g_assert (b->path_len < G_N_ELEMENTS (b->path));
  b->path[b->path_len++] = (PathSegment) { NULL, index };
}

static inline void
pop (Builder *b)
{
  g_assert (b->path_len > 0);
  b->path_len--;
}

static char *
format_path (Builder *b)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < b->path_len; i++)
    {
      if (b->path[i].key != NULL)
        oc3_json_append_key (path, b->path[i].key);
      else
        g_string_append_printf (path, "[%u]", b->path[i].index);
    }

  if (path->len == 0)
    g_string_append (path, "(root)");

  return g_string_free (path, FALSE);
}

static void G_GNUC_PRINTF (2, 3)
warn (Builder    *b,
      const char *format,
      ...)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (b->warnings->len > OC3_SCHEDULE_MAX_WARNINGS)
    return;

  path = format_path (b);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  oc3_schedule_add_warning (b->warnings, g_strdup_printf ("%s: %s", path, message));
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Builder    *b,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (b->error == NULL || *b->error != NULL)
    return FALSE;

  path = format_path (b);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (b->error, OC3_SCHEDULE_ERROR, code, "%s: %s", path, message);

  return FALSE;
}

static gboolean
fail_type (Builder    *b,
           guint32     node,
           const char *expected)
{
  return fail (b, OC3_SCHEDULE_ERROR_TYPE, _("expected %s, got %s"),
               expected, oc3_json_kind_to_string (oc3_json_kind (b->doc, node)));
}

static char *
quote (const char *text)
{
  GString *out = g_string_new (NULL);

  oc3_json_append_quoted (out, text, 80);

  return g_string_free (out, FALSE);
}

static gboolean
fail_value (Builder    *b,
            const char *what,
            const char *text)
{
  g_autofree char *quoted = quote (text);

  return fail (b, OC3_SCHEDULE_ERROR_VALUE, "%s: %s", what, quoted);
}

static gboolean
cancelled (Builder *b)
{
  return g_cancellable_set_error_if_cancelled (b->cancellable, b->error);
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

/* Resolves @url (transfer full) against the schedule's base URL; drops
 * (with a warning) what cannot be resolved or is not safe to open. The
 * caller has pushed the member's path. */
static char *
resolve_url (Builder *b,
             char    *url)
{
  g_autofree char *owned = url;
  g_autoptr (GError) local_error = NULL;
  const char *scheme;
  char *resolved;

  if (url == NULL || url[0] == '\0')
    return NULL;

  scheme = g_uri_peek_scheme (url);
  if (scheme != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (safe_schemes); i++)
        if (strcmp (scheme, safe_schemes[i]) == 0)
          return g_steal_pointer (&owned);

      warn (b, _("a URL with the unsupported scheme “%s:” was left out"), scheme);
      return NULL;
    }

  if (b->base_url == NULL)
    {
      g_autofree char *quoted = quote (url);

      warn (b, _("the relative URL %s was left out: the schedule has no base_url"), quoted);
      return NULL;
    }

  resolved = g_uri_resolve_relative (b->base_url, url, G_URI_FLAGS_NONE, &local_error);
  if (resolved == NULL)
    {
      g_autofree char *quoted = quote (url);

      warn (b, _("not a URL, left out: %s"), quoted);
    }

  return resolved;
}

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
  *out = resolve_url (b, text);
  pop (b);

  return TRUE;
}

/* --- dates, times and durations --------------------------------------------- */

typedef struct {
  int      year;
  int      month;
  int      day;
  int      hour;
  int      minute;
  int      second;
  gboolean has_time;
  gboolean has_offset;
  int      offset;
} IsoTime;

static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = value;

  return TRUE;
}

/* ISO 8601 / RFC 3339 as schedules write it: YYYY-MM-DD, optionally followed
 * by T or a space, hh:mm with optional :ss and fraction, and an optional Z or
 * ±hh[:mm] offset. g_date_time_new_from_iso8601() insists on seconds and
 * cannot say what offset the text had, which picking a zone needs. */
static gboolean
parse_iso8601 (const char *text,
               IsoTime    *out)
{
  const char *p = text;

  memset (out, 0, sizeof *out);

  if (!read_digits (&p, 4, &out->year) || *p++ != '-' ||
      !read_digits (&p, 2, &out->month) || *p++ != '-' ||
      !read_digits (&p, 2, &out->day))
    return FALSE;

  /* Years far from now are mistakes, and keeping them within 1000–9000
   * keeps all date arithmetic (durations of up to 9999 days included) within
   * GDateTime's range. */
  if (out->year < 1000 || out->year > 9000 || out->month < 1 || out->month > 12 ||
      out->day < 1 || out->day > g_date_get_days_in_month (out->month, out->year))
    return FALSE;

  if (*p == '\0')
    return TRUE;

  if (*p != 'T' && *p != 't' && *p != ' ')
    return FALSE;
  p++;

  out->has_time = TRUE;
  if (!read_digits (&p, 2, &out->hour) || *p++ != ':' || !read_digits (&p, 2, &out->minute))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, &out->second))
        return FALSE;
      if (*p == '.' || *p == ',')
        {
          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }

  /* GDateTime knows no leap seconds. */
  if (out->hour > 23 || out->minute > 59 || out->second > 60)
    return FALSE;
  out->second = MIN (out->second, 59);

  if (*p == 'Z' || *p == 'z')
    {
      out->has_offset = TRUE;
      p++;
    }
  else if (*p == '+' || *p == '-')
    {
      int sign = *p++ == '-' ? -1 : 1;
      int hours;
      int minutes = 0;

      if (!read_digits (&p, 2, &hours))
        return FALSE;
      if (*p == ':')
        p++;
      if (g_ascii_isdigit (*p) && !read_digits (&p, 2, &minutes))
        return FALSE;
      if (hours > 23 || minutes > 59)
        return FALSE;
      out->has_offset = TRUE;
      out->offset = sign * (hours * 3600 + minutes * 60);
    }

  return *p == '\0';
}

/* Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static gint64
iso_to_unix (const IsoTime *t)
{
  return days_from_civil (t->year, t->month, t->day) * 86400 +
         t->hour * 3600 + t->minute * 60 + t->second - t->offset;
}

/* The instant @t stands for, in the conference's time zone; a time without
 * an offset is local to the conference. */
static GDateTime *
iso_to_date_time (Builder       *b,
                  const IsoTime *t)
{
  g_autoptr (GDateTime) utc = NULL;

  if (!t->has_offset)
    return g_date_time_new (b->tz, t->year, t->month, t->day, t->hour, t->minute, t->second);

  utc = g_date_time_new_from_unix_utc (iso_to_unix (t));
  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, b->tz);
}

static GDateTime *
local_midnight (Builder *b,
                int      year,
                int      month,
                int      day)
{
  return g_date_time_new (b->tz, year, month, day, 0, 0, 0);
}

/* Reads a date-time member: NULL in @out if it is absent, an error if it is
 * not a date-time. */
static gboolean
read_member_date_time (Builder     *b,
                       const char  *name,
                       guint32      node,
                       GDateTime  **out)
{
  g_autofree char *text = NULL;
  IsoTime t;

  *out = NULL;
  push_key (b, name);
  if (!read_string (b, node, &text))
    {
      pop (b);
      return FALSE;
    }

  if (text != NULL)
    {
      if (!parse_iso8601 (text, &t) || !t.has_time || (*out = iso_to_date_time (b, &t)) == NULL)
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

/* A talk's deprecated "start": "HH:MM" (or "H:MM", with optional seconds). */
static gboolean
parse_clock_time (const char *text,
                  int        *hour,
                  int        *minute)
{
  const char *p = text;
  int second;

  if (g_ascii_isdigit (p[0]) && p[1] == ':')
    {
      *hour = p[0] - '0';
      p++;
    }
  else if (!read_digits (&p, 2, hour))
    return FALSE;

  if (*p++ != ':' || !read_digits (&p, 2, minute))
    return FALSE;
  if (*p == ':' && (p++, !read_digits (&p, 2, &second)))
    return FALSE;

  return *p == '\0' && *hour < 24 && *minute < 60;
}

/* --- the time zone ------------------------------------------------------------ */

static void
sample_time (Builder *b,
             guint32  node,
             GArray  *samples)
{
  IsoTime t;

  if (node != OC3_JSON_NONE && oc3_json_kind (b->doc, node) == OC3_JSON_STRING &&
      parse_iso8601 (oc3_json_text (b->doc, node), &t) && t.has_time && t.has_offset)
    {
      TimeSample sample = { iso_to_unix (&t), t.offset };

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
zone_matches (GTimeZone    *tz,
              const GArray *samples)
{
  for (guint i = 0; i < samples->len; i++)
    {
      const TimeSample *sample = &g_array_index (samples, TimeSample, i);
      int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, sample->unix_time);

      if (interval < 0 || g_time_zone_get_offset (tz, interval) != sample->offset)
        return FALSE;
    }

  return TRUE;
}

static char *
format_offset (int offset)
{
  return g_strdup_printf ("%c%02d:%02d", offset < 0 ? '-' : '+',
                          ABS (offset) / 3600, ABS (offset) / 60 % 60);
}

/* Named like the offsets in the file ("+01:00"; g_time_zone_new_offset()
 * would say "+01:00:00"). */
static GTimeZone *
zone_for_offset (int offset)
{
  g_autofree char *identifier = NULL;

  if (offset == 0)
    return g_time_zone_new_utc ();

  identifier = format_offset (offset);

  return g_time_zone_new_identifier (identifier);
}

typedef struct {
  int   offset;
  guint count;
} OffsetCount;

/* The distinct offsets of @samples, in order of appearance, with counts. */
static GArray *
count_offsets (const GArray *samples)
{
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (OffsetCount));

  for (guint i = 0; i < samples->len; i++)
    {
      int offset = g_array_index (samples, TimeSample, i).offset;
      guint j;

      for (j = 0; j < counts->len; j++)
        if (g_array_index (counts, OffsetCount, j).offset == offset)
          break;

      if (j < counts->len)
        g_array_index (counts, OffsetCount, j).count++;
      else
        g_array_append_val (counts, ((OffsetCount) { offset, 1 }));
    }

  return counts;
}

static char *
describe_offsets (const GArray *counts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < counts->len; i++)
    {
      g_autofree char *formatted = format_offset (g_array_index (counts, OffsetCount, i).offset);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, formatted);
    }

  return g_string_free (out, FALSE);
}

/* The zone when the schedule names none, or one its times contradict: one
 * offset throughout gives a fixed-offset zone (nothing tells which of the
 * zones with that offset is meant); offsets that vary give the first
 * candidate zone that matches them all, else the most common offset. */
static GTimeZone *
derive_zone (const GArray *samples,
             const GArray *counts)
{
  guint best = 0;

  if (counts->len == 0)
    return g_time_zone_new_utc ();

  if (counts->len > 1)
    {
      for (guint i = 0; i < G_N_ELEMENTS (candidate_zones); i++)
        {
          GTimeZone *tz = g_time_zone_new_identifier (candidate_zones[i]);

          if (tz != NULL && zone_matches (tz, samples))
            return tz;
          g_clear_pointer (&tz, g_time_zone_unref);
        }
    }

  for (guint i = 1; i < counts->len; i++)
    {
      guint count = g_array_index (counts, OffsetCount, i).count;

      if (count > g_array_index (counts, OffsetCount, best).count)
        best = i;
    }

  return zone_for_offset (g_array_index (counts, OffsetCount, best).offset);
}

/* GLib reads an identifier that starts with "/" or ":", or leads out of
 * the zoneinfo directory, as a file to open: a schedule must not make the
 * app read /dev/stdin or any other file. IANA names never look like that. */
static GTimeZone *
zone_for_name (const char *name)
{
  if (name[0] == '/' || name[0] == ':' || strstr (name, "..") != NULL)
    return NULL;

  return g_time_zone_new_identifier (name);
}

static gboolean
choose_zone (Builder *b,
             guint32  name_node,
             guint32  days)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (TimeSample));
  g_autoptr (GArray) counts = NULL;
  g_autofree char *name = NULL;
  g_autofree char *offsets = NULL;

  if (!survey_days (b, days, samples))
    return FALSE;

  if (!read_member_string (b, "time_zone_name", name_node, &name))
    return FALSE;

  push_key (b, "time_zone_name");
  counts = count_offsets (samples);
  offsets = describe_offsets (counts);

  if (name != NULL)
    {
      GTimeZone *tz = zone_for_name (name);
      g_autofree char *quoted = quote (name);

      if (tz != NULL && zone_matches (tz, samples))
        {
          b->tz = tz;
          pop (b);
          return TRUE;
        }

      b->tz = derive_zone (samples, counts);
      if (tz == NULL)
        warn (b, _("unknown time zone %s; using %s, from the offsets of the times (%s)"),
              quoted, g_time_zone_get_identifier (b->tz), offsets);
      else
        warn (b, _("%s contradicts the offsets of the times (%s); using %s"),
              quoted, offsets, g_time_zone_get_identifier (b->tz));
      g_clear_pointer (&tz, g_time_zone_unref);
    }
  else
    {
      b->tz = derive_zone (samples, counts);
      if (samples->len > 0)
        warn (b, _("missing; using %s, from the offsets of the times (%s)"),
              g_time_zone_get_identifier (b->tz), offsets);
      else
        warn (b, _("missing, and no time has an offset; using UTC"));
    }
  pop (b);

  return TRUE;
}

/* --- tracks, rooms and persons ---------------------------------------------- */

static gboolean
parse_color (const char *text,
             char       *out)
{
  gsize len = strlen (text);

  if (text[0] != '#' || (len != 7 && len != 4))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  out[0] = '#';
  for (int i = 0; i < 6; i++)
    out[i + 1] = g_ascii_tolower (len == 7 ? text[i + 1] : text[i / 2 + 1]);
  out[7] = '\0';

  return TRUE;
}

static Oc3Track *
add_track (Builder    *b,
           const char *name,
           const char *color)
{
  Oc3Track *track = oc3_track_new ();

  track->name = g_strdup (name);
  track->color = g_strdup (color != NULL ? color : oc3_track_color_for_name (name));
  track->position = b->tracks->len;
  g_ptr_array_add (b->tracks, track);
  g_hash_table_insert (b->tracks_by_name, track->name, track);

  return track;
}

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
              has_color = parse_color (color_text, color);
              if (!has_color)
                {
                  g_autofree char *quoted = quote (color_text);

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
        add_track (b, name, has_color ? color : NULL);
      pop (b);
    }
  pop (b);

  return TRUE;
}

static Oc3Room *
add_room (Builder    *b,
          const char *name)
{
  Oc3Room *room = oc3_room_new ();

  room->name = g_strdup (name);
  room->position = b->rooms->len;
  g_ptr_array_add (b->rooms, room);
  g_hash_table_insert (b->rooms_by_name, room->name, room);

  return room;
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
          Oc3Room *room = add_room (b, name);
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
  char *keys[4] = { NULL, };
  Oc3Person *person = NULL;

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

  if (name == NULL)
    {
      warn (b, _("a person without a name was left out"));
      return TRUE;
    }

  if (guid != NULL)
    keys[0] = g_strconcat ("g:", guid, NULL);
  if (id != NULL)
    keys[1] = g_strconcat ("i:", id, NULL);
  if (code != NULL)
    keys[2] = g_strconcat ("c:", code, NULL);
  if (guid == NULL && id == NULL && code == NULL)
    keys[3] = g_strconcat ("n:", name, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys) && person == NULL; i++)
    if (keys[i] != NULL)
      person = g_hash_table_lookup (b->persons_by_key, keys[i]);

  if (person == NULL)
    {
      person = oc3_person_new ();
      person->name = g_steal_pointer (&name);
      g_ptr_array_add (b->persons, person);
    }

  /* Later entries fill in what earlier ones left out. */
  /* pretalx's code is the id people see in its URLs. */
  if (person->id == NULL)
    person->id = id != NULL ? g_steal_pointer (&id) : g_steal_pointer (&code);
  if (person->guid == NULL)
    person->guid = g_steal_pointer (&guid);
  if (person->biography == NULL)
    person->biography = g_steal_pointer (&biography);
  if (person->affiliation == NULL)
    person->affiliation = g_steal_pointer (&affiliation);
  if (person->role == NULL)
    person->role = g_steal_pointer (&role);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i] != NULL && !g_hash_table_contains (b->persons_by_key, keys[i]))
        g_hash_table_insert (b->persons_by_key, g_steal_pointer (&keys[i]), person);
      g_free (keys[i]);
    }

  *out = person;

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
          url = resolve_url (b, oc3_text_clean (oc3_json_text (b->doc, node), -1));
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
    add_room (b, name);

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
      int hour;
      int minute;

      if (!read_member_string (b, "start", values[EVENT_START], &start))
        return FALSE;

      push_key (b, "date");
      if (start == NULL)
        {
          fail (b, OC3_SCHEDULE_ERROR_SHAPE,
                _("missing, and so is “start”: the talk has no time"));
          pop (b);
          return FALSE;
        }
      if (ctx->year == 0)
        {
          fail (b, OC3_SCHEDULE_ERROR_SHAPE,
                _("missing, and the day has no date to place “start” on"));
          pop (b);
          return FALSE;
        }
      pop (b);

      push_key (b, "start");
      if (!parse_clock_time (start, &hour, &minute))
        {
          fail_value (b, _("not a time"), start);
          pop (b);
          return FALSE;
        }
      pop (b);

      talk->start = g_date_time_new (b->tz, ctx->year, ctx->month, ctx->mday, hour, minute, 0);
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
  if (g_hash_table_contains (b->talks_by_guid, guid))
    {
      g_autofree char *unique = NULL;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (b->guid_suffixes, guid));

      /* Remembering the next suffix keeps a thousand copies of a guid linear. */
      for (n = MAX (n, 2); ; n++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s#%u", guid, n);
          if (!g_hash_table_contains (b->talks_by_guid, unique))
            break;
        }
      g_hash_table_insert (b->guid_suffixes, g_strdup (guid), GUINT_TO_POINTER (n + 1));

      warn (b, _("“%s” is also an earlier talk’s guid; this talk’s is “%s”"), guid, unique);
      g_set_str (&guid, unique);
    }
  pop (b);
  talk->guid = g_steal_pointer (&guid);

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
        talk->track = add_track (b, track, NULL);
      g_object_ref (talk->track);
    }

  talk->room = room_for_talk (b, room_key, room);

  g_hash_table_insert (b->talks_by_guid, talk->guid, talk);
  g_ptr_array_add (day_talks, talk);
  g_ptr_array_add (b->talks, g_steal_pointer (&talk));

  return TRUE;
}

/* --- days --------------------------------------------------------------------- */

/* The local date of the first talk in the day with a usable "date". */
static gboolean
first_talk_date (Builder *b,
                 guint32  rooms,
                 IsoTime *out)
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
          IsoTime t;

          if (date == OC3_JSON_NONE || oc3_json_kind (b->doc, date) != OC3_JSON_STRING)
            continue;

          /* Read as read_talk_times() will read it. */
          text = oc3_text_clean (oc3_json_text (b->doc, date), oc3_json_length (b->doc, date));
          if (parse_iso8601 (text, &t) && t.has_time)
            {
              g_autoptr (GDateTime) start = iso_to_date_time (b, &t);

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
  IsoTime t;

  push_key (b, "date");
  if (!read_string (b, values[DAY_DATE], &text))
    {
      pop (b);
      return FALSE;
    }

  if (text != NULL)
    {
      if (!parse_iso8601 (text, &t))
        {
          fail_value (b, _("not a date"), text);
          pop (b);
          return FALSE;
        }
      if (t.has_time)
        {
          g_autoptr (GDateTime) dt = iso_to_date_time (b, &t);

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

static int
compare_talks (gconstpointer a,
               gconstpointer b)
{
  const Oc3Talk *talk_a = *(Oc3Talk * const *) a;
  const Oc3Talk *talk_b = *(Oc3Talk * const *) b;
  guint room_a = talk_a->room != NULL ? talk_a->room->position : G_MAXUINT;
  guint room_b = talk_b->room != NULL ? talk_b->room->position : G_MAXUINT;
  int order;

  if (talk_a->start_unix != talk_b->start_unix)
    return talk_a->start_unix < talk_b->start_unix ? -1 : 1;
  if (room_a != room_b)
    return room_a < room_b ? -1 : 1;
  order = g_date_time_compare (talk_a->end, talk_b->end);
  if (order != 0)
    return order;

  return strcmp (talk_a->guid, talk_b->guid);
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

  g_ptr_array_sort (talks, compare_talks);

  if (ctx.year == 0 && talks->len == 0)
    {
      warn (b, _("a day with no date and no talks was left out"));
      return TRUE;
    }
  /* A day without a date is on its first talk's. */
  if (ctx.year == 0)
    {
      g_date_time_get_ymd (((Oc3Talk *) talks->pdata[0])->start, &ctx.year, &ctx.month, &ctx.mday);
      push_key (b, "date");
      warn (b, _("missing; using the date of the first talk"));
      pop (b);
    }

  day->date = local_midnight (b, ctx.year, ctx.month, ctx.mday);
  if (day->start == NULL)
    day->start = g_date_time_ref (talks->len > 0 ? ((Oc3Talk *) talks->pdata[0])->start
                                                 : day->date);
  if (day_end != NULL)
    day->end = g_steal_pointer (&day_end);
  else if (talks->len > 0)
    {
      GDateTime *latest = day->start;

      for (guint i = 0; i < talks->len; i++)
        if (g_date_time_compare (((Oc3Talk *) talks->pdata[i])->end, latest) > 0)
          latest = ((Oc3Talk *) talks->pdata[i])->end;
      day->end = g_date_time_ref (latest);
    }
  else
    day->end = g_date_time_add_days (day->date, 1);

  g_hash_table_insert (b->day_talks, day, g_steal_pointer (&talks));
  g_ptr_array_add (b->days, g_steal_pointer (&day));

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
  IsoTime t;

  *out = NULL;
  if (!read_member_string (b, name, node, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  push_key (b, name);
  if (!parse_iso8601 (text, &t))
    {
      g_autofree char *quoted = quote (text);

      warn (b, _("not a date: %s; using the talks' times"), quoted);
    }
  else if (t.has_time)
    *out = iso_to_date_time (b, &t);
  else
    {
      *out = local_midnight (b, t.year, t.month, t.day);
      if (is_end && *out != NULL)
        {
          GDateTime *next = g_date_time_add_days (*out, 1);

          g_date_time_unref (*out);
          *out = next;
        }
    }
  pop (b);

  return TRUE;
}

static int
compare_persons (gconstpointer a,
                 gconstpointer b)
{
  const Oc3Person *person_a = *(Oc3Person * const *) a;
  const Oc3Person *person_b = *(Oc3Person * const *) b;
  int order;

  order = strcmp (person_a->sort_key, person_b->sort_key);
  if (order == 0)
    order = strcmp (person_a->name, person_b->name);
  if (order == 0)
    order = g_strcmp0 (person_a->guid, person_b->guid);
  if (order == 0)
    order = g_strcmp0 (person_a->id, person_b->id);

  return order;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const Oc3Day *day_a = *(Oc3Day * const *) a;
  const Oc3Day *day_b = *(Oc3Day * const *) b;

  return g_date_time_compare (day_a->date, day_b->date);
}

static GPtrArray *
new_talk_list (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* Sorts, indexes and wires up what was read. */
static Oc3Conference *
finish (Builder       *b,
        Oc3Conference *conference)
{
  g_autoptr (GHashTable) lists = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);

  g_ptr_array_sort (b->talks, compare_talks);
  g_ptr_array_sort (b->days, compare_days);

  for (guint i = 0; i < b->persons->len; i++)
    {
      Oc3Person *person = b->persons->pdata[i];
      g_autofree char *folded = g_utf8_casefold (person->name, -1);

      person->sort_key = g_utf8_collate_key (folded, -1);
    }
  g_ptr_array_sort (b->persons, compare_persons);

  /* Walking the sorted talks fills every room's, track's and person's list
   * in sorted order. */
  for (guint i = 0; i < b->rooms->len; i++)
    g_hash_table_insert (lists, b->rooms->pdata[i], new_talk_list ());
  for (guint i = 0; i < b->tracks->len; i++)
    g_hash_table_insert (lists, b->tracks->pdata[i], new_talk_list ());
  for (guint i = 0; i < b->persons->len; i++)
    g_hash_table_insert (lists, b->persons->pdata[i], new_talk_list ());

  for (guint i = 0; i < b->talks->len; i++)
    {
      Oc3Talk *talk = b->talks->pdata[i];
      guint n_persons = g_list_model_get_n_items (G_LIST_MODEL (talk->persons));

      if (talk->room != NULL)
        g_ptr_array_add (g_hash_table_lookup (lists, talk->room), g_object_ref (talk));
      if (talk->track != NULL)
        g_ptr_array_add (g_hash_table_lookup (lists, talk->track), g_object_ref (talk));
      for (guint p = 0; p < n_persons; p++)
        g_ptr_array_add (g_hash_table_lookup (lists, oc3_array_model_peek (talk->persons, p)),
                         g_object_ref (talk));
    }

  for (guint i = 0; i < b->rooms->len; i++)
    {
      Oc3Room *room = b->rooms->pdata[i];

      room->talks = oc3_array_model_new (OC3_TYPE_TALK, g_hash_table_lookup (lists, room));
      g_hash_table_steal (lists, room);
    }
  for (guint i = 0; i < b->tracks->len; i++)
    {
      Oc3Track *track = b->tracks->pdata[i];

      track->talks = oc3_array_model_new (OC3_TYPE_TALK, g_hash_table_lookup (lists, track));
      g_hash_table_steal (lists, track);
    }
  for (guint i = 0; i < b->persons->len; i++)
    {
      Oc3Person *person = b->persons->pdata[i];

      person->talks = oc3_array_model_new (OC3_TYPE_TALK, g_hash_table_lookup (lists, person));
      g_hash_table_steal (lists, person);
    }
  for (guint i = 0; i < b->days->len; i++)
    {
      Oc3Day *day = b->days->pdata[i];
      GPtrArray *talks = g_hash_table_lookup (b->day_talks, day);
      GPtrArray *owned = g_ptr_array_new_full (talks->len, g_object_unref);

      for (guint t = 0; t < talks->len; t++)
        g_ptr_array_add (owned, g_object_ref (talks->pdata[t]));
      day->talks = oc3_array_model_new (OC3_TYPE_TALK, owned);
    }

  conference->persons_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < b->persons->len; i++)
    {
      Oc3Person *person = b->persons->pdata[i];

      if (person->id != NULL && !g_hash_table_contains (conference->persons_by_id, person->id))
        g_hash_table_insert (conference->persons_by_id, person->id, person);
      if (person->guid != NULL &&
          !g_hash_table_contains (conference->persons_by_id, person->guid))
        g_hash_table_insert (conference->persons_by_id, person->guid, person);
    }

  if (conference->start == NULL)
    {
      if (b->days->len > 0)
        conference->start = g_date_time_ref (((Oc3Day *) b->days->pdata[0])->start);
      else
        conference->start = g_date_time_new_from_unix_utc (0);
    }
  if (conference->end == NULL)
    {
      conference->end = g_date_time_ref (conference->start);
      for (guint i = 0; i < b->days->len; i++)
        {
          GDateTime *end = ((Oc3Day *) b->days->pdata[i])->end;

          if (g_date_time_compare (end, conference->end) > 0)
            {
              g_date_time_unref (conference->end);
              conference->end = g_date_time_ref (end);
            }
        }
    }

  conference->time_zone = g_steal_pointer (&b->tz);
  conference->base_url = g_steal_pointer (&b->base_url);
  conference->talks_by_guid = g_steal_pointer (&b->talks_by_guid);
  conference->rooms_by_name = g_steal_pointer (&b->rooms_by_name);
  conference->tracks_by_name = g_steal_pointer (&b->tracks_by_name);
  conference->days = oc3_array_model_new (OC3_TYPE_DAY, g_steal_pointer (&b->days));
  conference->talks = oc3_array_model_new (OC3_TYPE_TALK, g_steal_pointer (&b->talks));
  conference->rooms = oc3_array_model_new (OC3_TYPE_ROOM, g_steal_pointer (&b->rooms));
  conference->tracks = oc3_array_model_new (OC3_TYPE_TRACK, g_steal_pointer (&b->tracks));
  conference->persons = oc3_array_model_new (OC3_TYPE_PERSON, g_steal_pointer (&b->persons));

  g_ptr_array_add (b->warnings, NULL);
  conference->warnings = (GStrv) g_ptr_array_free (g_steal_pointer (&b->warnings), FALSE);

  return conference;
}

static void
set_base_url (Builder *b,
              char    *base_url)
{
  g_autoptr (GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);

  if (uri != NULL)
    b->base_url = base_url;
  else
    {
      g_autofree char *quoted = quote (base_url);

      warn (b, _("not an absolute URL: %s; relative URLs are left out"), quoted);
      g_free (base_url);
    }
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
      set_base_url (b, g_steal_pointer (&base_url));
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
          set_base_url (b, g_steal_pointer (&base_url));
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
  conference->url = resolve_url (b, g_steal_pointer (&url));
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

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->tz, g_time_zone_unref);
  g_clear_pointer (&b->base_url, g_free);
  g_clear_pointer (&b->day_talks, g_hash_table_unref);
  g_clear_pointer (&b->days, g_ptr_array_unref);
  g_clear_pointer (&b->talks, g_ptr_array_unref);
  g_clear_pointer (&b->rooms, g_ptr_array_unref);
  g_clear_pointer (&b->tracks, g_ptr_array_unref);
  g_clear_pointer (&b->persons, g_ptr_array_unref);
  g_clear_pointer (&b->talks_by_guid, g_hash_table_unref);
  g_clear_pointer (&b->guid_suffixes, g_hash_table_unref);
  g_clear_pointer (&b->rooms_by_name, g_hash_table_unref);
  g_clear_pointer (&b->rooms_by_guid, g_hash_table_unref);
  g_clear_pointer (&b->tracks_by_name, g_hash_table_unref);
  g_clear_pointer (&b->persons_by_key, g_hash_table_unref);
  g_clear_pointer (&b->warnings, g_ptr_array_unref);
}

void
oc3_schedule_add_warning (GPtrArray *warnings,
                          char      *warning)
{
  if (warnings->len < OC3_SCHEDULE_MAX_WARNINGS)
    g_ptr_array_add (warnings, warning);
  else
    {
      if (warnings->len == OC3_SCHEDULE_MAX_WARNINGS)
        g_ptr_array_add (warnings, g_strdup_printf (_("(root): more than %d warnings; the rest "
                                                      "were left out"),
                                                    OC3_SCHEDULE_MAX_WARNINGS));
      g_free (warning);
    }
}

Oc3Conference *
oc3_schedule_read_json (const char    *data,
                        gsize          length,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr (Oc3JsonDocument) doc = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  Builder b = { NULL, };
  gboolean ok;

  b.warnings = g_ptr_array_new_with_free_func (g_free);
  doc = oc3_json_document_parse (data, length, b.warnings, error);
  if (doc == NULL)
    {
      builder_clear (&b);
      return NULL;
    }

  b.doc = doc;
  b.cancellable = cancellable;
  b.error = error;
  b.languages = g_get_language_names ();
  b.days = g_ptr_array_new_with_free_func (g_object_unref);
  b.talks = g_ptr_array_new_with_free_func (g_object_unref);
  b.rooms = g_ptr_array_new_with_free_func (g_object_unref);
  b.tracks = g_ptr_array_new_with_free_func (g_object_unref);
  b.persons = g_ptr_array_new_with_free_func (g_object_unref);
  b.talks_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  b.guid_suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.rooms_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  b.rooms_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  b.tracks_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  b.persons_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.day_talks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  conference = oc3_conference_new ();
  ok = read_schedule (&b, conference);
  /* The document (the bulk of the memory) goes before the model is wired. */
  g_clear_pointer (&doc, oc3_json_document_free);

  if (ok)
    finish (&b, conference);
  builder_clear (&b);

  return ok ? g_steal_pointer (&conference) : NULL;
}
