/* oc3-schedule-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "oc3-json-document.h"
#include "oc3-schedule-builder-private.h"
#include "oc3-schedule-private.h"

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

/* --- the builder -------------------------------------------------------------- */

void
oc3_schedule_builder_init (Oc3ScheduleBuilder    *b,
                           Oc3SchedulePathStyle   path_style,
                           GTimeZone             *default_zone,
                           GCancellable          *cancellable,
                           GError               **error)
{
  memset (b, 0, sizeof *b);

  b->path_style = path_style;
  b->default_zone = default_zone != NULL ? g_time_zone_ref (default_zone)
                                         : g_time_zone_new_local ();
  b->cancellable = cancellable;
  b->error = error;
  b->warnings = g_ptr_array_new_with_free_func (g_free);
  b->languages = g_get_language_names ();
  b->days = g_ptr_array_new_with_free_func (g_object_unref);
  b->talks = g_ptr_array_new_with_free_func (g_object_unref);
  b->rooms = g_ptr_array_new_with_free_func (g_object_unref);
  b->tracks = g_ptr_array_new_with_free_func (g_object_unref);
  b->persons = g_ptr_array_new_with_free_func (g_object_unref);
  b->talks_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  b->guid_suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->rooms_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  b->rooms_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  b->tracks_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  b->persons_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->day_talks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

void
oc3_schedule_builder_clear (Oc3ScheduleBuilder *b)
{
  g_clear_pointer (&b->tz, g_time_zone_unref);
  g_clear_pointer (&b->default_zone, g_time_zone_unref);
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

/* --- paths, warnings and errors --------------------------------------------- */

static void
append_xml_segment (GString                      *path,
                    const Oc3SchedulePathSegment *segment)
{
  if (path->len > 0)
    g_string_append_c (path, '/');
  g_string_append (path, segment->key);
  if (segment->index > 0)
    g_string_append_printf (path, "[%u]", segment->index);
  if (segment->name != NULL)
    {
      g_string_append (path, "[@name=");
      oc3_json_append_quoted (path, segment->name, 80);
      g_string_append_c (path, ']');
    }
}

char *
oc3_schedule_builder_format_path (Oc3ScheduleBuilder *b)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < b->path_len; i++)
    {
      if (b->path_style == OC3_SCHEDULE_PATH_XML)
        append_xml_segment (path, &b->path[i]);
      else if (b->path[i].key != NULL)
        oc3_json_append_key (path, b->path[i].key);
      else
        g_string_append_printf (path, "[%u]", b->path[i].index);
    }

  if (path->len == 0)
    g_string_append (path, "(root)");

  return g_string_free (path, FALSE);
}

static void G_GNUC_PRINTF (2, 0)
oc3_schedule_builder_warnv (Oc3ScheduleBuilder *b,
                            const char         *format,
                            va_list             args)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (b->warnings->len > OC3_SCHEDULE_MAX_WARNINGS)
    return;

  path = oc3_schedule_builder_format_path (b);
  message = g_strdup_vprintf (format, args);

  oc3_schedule_add_warning (b->warnings, g_strdup_printf ("%s: %s", path, message));
}

void
oc3_schedule_builder_warn (Oc3ScheduleBuilder *b,
                           const char         *format,
                           ...)
{
  va_list args;

  va_start (args, format);
  oc3_schedule_builder_warnv (b, format, args);
  va_end (args);
}

/* Sets the first error only, and always returns FALSE. */
static gboolean G_GNUC_PRINTF (3, 0)
oc3_schedule_builder_failv (Oc3ScheduleBuilder *b,
                            int                 code,
                            const char         *format,
                            va_list             args)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (b->error == NULL || *b->error != NULL)
    return FALSE;

  path = oc3_schedule_builder_format_path (b);
  message = g_strdup_vprintf (format, args);

  g_set_error (b->error, OC3_SCHEDULE_ERROR, code, "%s: %s", path, message);

  return FALSE;
}

gboolean
oc3_schedule_builder_fail (Oc3ScheduleBuilder *b,
                           int                 code,
                           const char         *format,
                           ...)
{
  va_list args;

  va_start (args, format);
  oc3_schedule_builder_failv (b, code, format, args);
  va_end (args);

  return FALSE;
}

/* Short names for the two above, as in both readers. */
#define warn(b, ...) oc3_schedule_builder_warn (b, __VA_ARGS__)
#define fail(b, ...) oc3_schedule_builder_fail (b, __VA_ARGS__)

/* The text as it would be written in JSON, at most 80 characters of it. */
char *
oc3_schedule_quote (const char *text)
{
  GString *out = g_string_new (NULL);

  oc3_json_append_quoted (out, text, 80);

  return g_string_free (out, FALSE);
}

gboolean
oc3_schedule_builder_fail_value (Oc3ScheduleBuilder *b,
                                 const char         *what,
                                 const char         *text)
{
  g_autofree char *quoted = oc3_schedule_quote (text);

  return fail (b, OC3_SCHEDULE_ERROR_VALUE, "%s: %s", what, quoted);
}

gboolean
oc3_schedule_builder_cancelled (Oc3ScheduleBuilder *b)
{
  return g_cancellable_set_error_if_cancelled (b->cancellable, b->error);
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

/* --- URLs ----------------------------------------------------------------- */

/* Takes @base_url; keeps it if it is an absolute URL. The caller has pushed
 * its path. */
void
oc3_schedule_builder_set_base_url (Oc3ScheduleBuilder *b,
                                   char               *base_url)
{
  g_autoptr (GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);

  if (uri != NULL)
    {
      g_free (b->base_url);
      b->base_url = base_url;
    }
  else
    {
      g_autofree char *quoted = oc3_schedule_quote (base_url);

      warn (b, _("not an absolute URL: %s; relative URLs are left out"), quoted);
      g_free (base_url);
    }
}

/* Resolves @url (transfer full) against the schedule's base URL; drops
 * (with a warning) what cannot be resolved or is not safe to open. The
 * caller has pushed the member's path. */
char *
oc3_schedule_builder_resolve_url (Oc3ScheduleBuilder *b,
                                  char               *url)
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
      g_autofree char *quoted = oc3_schedule_quote (url);

      warn (b, _("the relative URL %s was left out: the schedule has no base_url"), quoted);
      return NULL;
    }

  resolved = g_uri_resolve_relative (b->base_url, url, G_URI_FLAGS_NONE, &local_error);
  if (resolved == NULL)
    {
      g_autofree char *quoted = oc3_schedule_quote (url);

      warn (b, _("not a URL, left out: %s"), quoted);
    }

  return resolved;
}

/* --- dates and times -------------------------------------------------------- */

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
gboolean
oc3_schedule_parse_iso8601 (const char *text,
                            Oc3IsoTime *out)
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

gint64
oc3_iso_time_to_unix (const Oc3IsoTime *t)
{
  return days_from_civil (t->year, t->month, t->day) * 86400 +
         t->hour * 3600 + t->minute * 60 + t->second - t->offset;
}

/* The instant @t stands for, in the conference's time zone; a time without
 * an offset is local to the conference. */
GDateTime *
oc3_schedule_builder_date_time (Oc3ScheduleBuilder *b,
                                const Oc3IsoTime   *t)
{
  g_autoptr (GDateTime) utc = NULL;

  if (!t->has_offset)
    return g_date_time_new (b->tz, t->year, t->month, t->day, t->hour, t->minute, t->second);

  utc = g_date_time_new_from_unix_utc (oc3_iso_time_to_unix (t));
  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, b->tz);
}

GDateTime *
oc3_schedule_builder_local_midnight (Oc3ScheduleBuilder *b,
                                     int                 year,
                                     int                 month,
                                     int                 day)
{
  return g_date_time_new (b->tz, year, month, day, 0, 0, 0);
}

/* A talk that gives no date-time of its own: its "start" (@start, "HH:MM")
 * on its day (@year 0: the day has no date), in the conference's zone.
 * Fails, naming "date" or "start", when there is nothing to go by or
 * @start is not a time. @minute_of_day (if not %NULL) receives the clock
 * time, for the readers' rules on talks after midnight. */
GDateTime *
oc3_schedule_builder_start_on_day (Oc3ScheduleBuilder *b,
                                   int                 year,
                                   int                 month,
                                   int                 day,
                                   const char         *start,
                                   int                *minute_of_day)
{
  int hour;
  int minute;

  oc3_schedule_builder_push (b, "date", 0, NULL);
  if (start == NULL)
    {
      oc3_schedule_builder_fail (b, OC3_SCHEDULE_ERROR_SHAPE,
                                 _("missing, and so is “start”: the talk has no time"));
      oc3_schedule_builder_pop (b);
      return NULL;
    }
  if (year == 0)
    {
      oc3_schedule_builder_fail (b, OC3_SCHEDULE_ERROR_SHAPE,
                                 _("missing, and the day has no date to place “start” on"));
      oc3_schedule_builder_pop (b);
      return NULL;
    }
  oc3_schedule_builder_pop (b);

  oc3_schedule_builder_push (b, "start", 0, NULL);
  if (!oc3_schedule_parse_clock_time (start, &hour, &minute))
    {
      oc3_schedule_builder_fail_value (b, _("not a time"), start);
      oc3_schedule_builder_pop (b);
      return NULL;
    }
  oc3_schedule_builder_pop (b);

  if (minute_of_day != NULL)
    *minute_of_day = hour * 60 + minute;
  return g_date_time_new (b->tz, year, month, day, hour, minute, 0);
}

/* A talk's "start": "HH:MM" (or "H:MM", with optional seconds). */
gboolean
oc3_schedule_parse_clock_time (const char *text,
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

/* A conference's start or end. Date-only ones mean whole days: midnight
 * before, midnight after. What does not parse is warned about (at the
 * caller's path) and left out: the talks' times stand in for it. */
GDateTime *
oc3_schedule_builder_bound (Oc3ScheduleBuilder *b,
                            const char         *text,
                            gboolean            is_end)
{
  GDateTime *out;
  Oc3IsoTime t;

  if (!oc3_schedule_parse_iso8601 (text, &t))
    {
      g_autofree char *quoted = oc3_schedule_quote (text);

      warn (b, _("not a date: %s; using the talks' times"), quoted);
      return NULL;
    }

  if (t.has_time)
    return oc3_schedule_builder_date_time (b, &t);

  out = oc3_schedule_builder_local_midnight (b, t.year, t.month, t.day);
  if (is_end && out != NULL)
    {
      GDateTime *next = g_date_time_add_days (out, 1);

      g_date_time_unref (out);
      out = next;
    }

  return out;
}

/* --- the time zone ------------------------------------------------------------ */

static gboolean
zone_matches (GTimeZone    *tz,
              const GArray *samples)
{
  for (guint i = 0; i < samples->len; i++)
    {
      const Oc3ScheduleTimeSample *sample = &g_array_index (samples, Oc3ScheduleTimeSample, i);
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
      int offset = g_array_index (samples, Oc3ScheduleTimeSample, i).offset;
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

  g_assert (counts->len > 0);

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

/*
 * Sets the conference's zone from the zone the schedule names (@name, or
 * NULL) and the times with offsets it has (@samples): the named zone where
 * it agrees with them, else one derived from them, else the caller's
 * default zone. Warns, at the caller's path, where it does not simply take
 * the named zone.
 */
void
oc3_schedule_builder_choose_zone (Oc3ScheduleBuilder *b,
                                  const char         *name,
                                  const GArray       *samples)
{
  g_autoptr (GArray) counts = count_offsets (samples);
  g_autofree char *offsets = describe_offsets (counts);

  g_assert (b->tz == NULL);

  if (name != NULL)
    {
      GTimeZone *tz = zone_for_name (name);
      g_autofree char *quoted = oc3_schedule_quote (name);

      if (tz != NULL && zone_matches (tz, samples))
        {
          b->tz = tz;
          return;
        }

      /* An unknown zone, as no known zone fails to match no samples. */
      if (samples->len == 0)
        {
          b->tz = g_time_zone_ref (b->default_zone);
          warn (b, _("unknown time zone %s, and no time has an offset; using %s"),
                quoted, g_time_zone_get_identifier (b->tz));
        }
      else
        {
          b->tz = derive_zone (samples, counts);
          if (tz == NULL)
            warn (b, _("unknown time zone %s; using %s, from the offsets of the times (%s)"),
                  quoted, g_time_zone_get_identifier (b->tz), offsets);
          else
            warn (b, _("%s contradicts the offsets of the times (%s); using %s"),
                  quoted, offsets, g_time_zone_get_identifier (b->tz));
        }
      g_clear_pointer (&tz, g_time_zone_unref);
    }
  else if (samples->len > 0)
    {
      b->tz = derive_zone (samples, counts);
      warn (b, _("missing; using %s, from the offsets of the times (%s)"),
            g_time_zone_get_identifier (b->tz), offsets);
    }
  else
    {
      b->tz = g_time_zone_ref (b->default_zone);
      warn (b, _("missing, and no time has an offset; using %s"),
            g_time_zone_get_identifier (b->tz));
    }
}

/* --- tracks, rooms and persons ---------------------------------------------- */

/* "#rrggbb" or "#rgb" into "#rrggbb" in lower case; @out has 8 bytes. */
gboolean
oc3_schedule_parse_color (const char *text,
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

/* Adds a track no other has the name of; @color may be NULL. */
Oc3Track *
oc3_schedule_builder_add_track (Oc3ScheduleBuilder *b,
                                const char         *name,
                                const char         *color)
{
  Oc3Track *track = oc3_track_new ();

  track->name = g_strdup (name);
  track->color = g_strdup (color != NULL ? color : oc3_track_color_for_name (name));
  track->position = b->tracks->len;
  g_ptr_array_add (b->tracks, track);
  g_hash_table_insert (b->tracks_by_name, track->name, track);

  return track;
}

/* Adds a room no other has the name of. */
Oc3Room *
oc3_schedule_builder_add_room (Oc3ScheduleBuilder *b,
                               const char         *name)
{
  Oc3Room *room = oc3_room_new ();

  room->name = g_strdup (name);
  room->position = b->rooms->len;
  g_ptr_array_add (b->rooms, room);
  g_hash_table_insert (b->rooms_by_name, room->name, room);

  return room;
}

/*
 * Finds a person again, or adds them: the same person speaks in several
 * talks, and is one Oc3Person, found by guid, id, pretalx code or — for a
 * name alone — by name. Takes @entry's strings. Returns the person
 * (borrowed), or NULL with a warning at the caller's path for an entry that
 * names nobody.
 */
Oc3Person *
oc3_schedule_builder_add_person (Oc3ScheduleBuilder *b,
                                 Oc3SchedulePerson  *entry)
{
  g_autofree char *name = g_steal_pointer (&entry->name);
  g_autofree char *id = g_steal_pointer (&entry->id);
  g_autofree char *guid = g_steal_pointer (&entry->guid);
  g_autofree char *code = g_steal_pointer (&entry->code);
  g_autofree char *biography = g_steal_pointer (&entry->biography);
  g_autofree char *affiliation = g_steal_pointer (&entry->affiliation);
  g_autofree char *role = g_steal_pointer (&entry->role);
  char *keys[4] = { NULL, };
  Oc3Person *person = NULL;

  if (name == NULL)
    {
      warn (b, _("a person without a name was left out"));
      return NULL;
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

  return person;
}

/* --- talks and days ------------------------------------------------------------ */

/*
 * Files @talk (transfer full) under @guid, made unique: the guid is what the
 * app keys on (stars, notifications), so every talk needs one, unique and
 * the same on every parse. A repeated one gets a "#N" suffix and a warning
 * at the caller's path (the guid's).
 */
void
oc3_schedule_builder_add_talk (Oc3ScheduleBuilder *b,
                               Oc3Talk            *talk,
                               const char         *guid,
                               GPtrArray          *day_talks)
{
  g_assert (talk->guid == NULL);

  if (g_hash_table_contains (b->talks_by_guid, guid))
    {
      char *unique = NULL;
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
      talk->guid = unique;
    }
  else
    talk->guid = g_strdup (guid);

  g_hash_table_insert (b->talks_by_guid, talk->guid, talk);
  g_ptr_array_add (day_talks, talk);
  g_ptr_array_add (b->talks, talk);
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

/*
 * Adds @day (transfer full) with its @talks (transfer full, no references
 * held), dated @year-@month-@mday (@year 0 if the schedule does not say);
 * @day_end (transfer full, nullable) is the schedule's end of the day. A day
 * without a date is on its first talk's, with a warning at the caller's
 * path and @date_key; one with neither date nor talks is left out with a
 * warning at the caller's path.
 */
void
oc3_schedule_builder_add_day (Oc3ScheduleBuilder *b,
                              Oc3Day             *day,
                              GPtrArray          *talks,
                              int                 year,
                              int                 month,
                              int                 mday,
                              GDateTime          *day_end,
                              const char         *date_key)
{
  g_autoptr (Oc3Day) owned_day = day;
  g_autoptr (GPtrArray) owned_talks = talks;
  g_autoptr (GDateTime) owned_end = day_end;

  g_ptr_array_sort (talks, compare_talks);

  if (year == 0 && talks->len == 0)
    {
      warn (b, _("a day with no date and no talks was left out"));
      return;
    }
  if (year == 0)
    {
      g_date_time_get_ymd (((Oc3Talk *) talks->pdata[0])->start, &year, &month, &mday);
      g_assert (b->path_len < G_N_ELEMENTS (b->path));
      b->path[b->path_len++] = (Oc3SchedulePathSegment) { date_key, 0, NULL };
      warn (b, _("missing; using the date of the first talk"));
      b->path_len--;
    }

  day->date = oc3_schedule_builder_local_midnight (b, year, month, mday);
  if (day->start == NULL)
    day->start = g_date_time_ref (talks->len > 0 ? ((Oc3Talk *) talks->pdata[0])->start
                                                 : day->date);
  if (day_end != NULL)
    day->end = g_steal_pointer (&owned_end);
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

  g_hash_table_insert (b->day_talks, day, g_steal_pointer (&owned_talks));
  g_ptr_array_add (b->days, g_steal_pointer (&owned_day));
}

/* --- the conference ------------------------------------------------------------ */

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

/* Sorts, indexes and wires up what was read, into @conference. */
void
oc3_schedule_builder_finish (Oc3ScheduleBuilder *b,
                             Oc3Conference      *conference)
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
}
