/* oc3-time.c — the current time, and times as attendees read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "oc3-time.h"

/* Parses the value of OC3_NOW: an ISO 8601 date-time with a UTC offset or "Z",
 * e.g. "2024-03-13T10:55:00+01:00". A value without a zone is refused rather
 * than guessed, so that a demo never shows a time an hour off. */
gboolean
oc3_time_parse_now_override (const char  *text,
                             GDateTime  **out_instant)
{
  g_autoptr (GDateTime) instant = NULL;

  g_return_val_if_fail (out_instant != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return FALSE;

  instant = g_date_time_new_from_iso8601 (text, NULL);
  if (instant == NULL)
    return FALSE;

  *out_instant = g_steal_pointer (&instant);
  return TRUE;
}

/* The current instant, in microseconds since the Unix epoch. For demos,
 * screenshots and tests, OC3_NOW moves the clock: the app starts at that
 * instant and time flows on from there, so reminders and the "now" line
 * behave as they would on that day. */
gint64
oc3_time_now_usec (void)
{
  static gsize initialised = 0;
  static gint64 offset_usec = 0;

  if (g_once_init_enter (&initialised))
    {
      g_autoptr (GDateTime) override = NULL;
      const char *text = g_getenv ("OC3_NOW");

      if (oc3_time_parse_now_override (text, &override))
        offset_usec = g_date_time_to_unix (override) * G_USEC_PER_SEC
                      + g_date_time_get_microsecond (override) - g_get_real_time ();
      else if (text != NULL && *text != '\0')
        g_printerr ("oc3: OC3_NOW=“%s” is not an ISO 8601 date-time with an offset; using the real time\n",
                    text);

      g_once_init_leave (&initialised, 1);
    }

  return g_get_real_time () + offset_usec;
}

GDateTime *
oc3_time_now (void)
{
  gint64 now_usec = oc3_time_now_usec ();
  g_autoptr (GDateTime) whole_seconds = g_date_time_new_from_unix_utc (now_usec / G_USEC_PER_SEC);

  return g_date_time_add (whole_seconds, now_usec % G_USEC_PER_SEC);
}

char *
oc3_time_format_clock (GDateTime *instant,
                       GTimeZone *zone)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (instant != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  local = g_date_time_to_timezone (instant, zone);
  return g_date_time_format (local, "%H:%M");
}

char *
oc3_time_format_range (GDateTime *start,
                       GDateTime *end,
                       GTimeZone *zone)
{
  g_autofree char *from = oc3_time_format_clock (start, zone);
  g_autofree char *to = NULL;

  if (end == NULL || g_date_time_compare (start, end) >= 0)
    return g_steal_pointer (&from);

  to = oc3_time_format_clock (end, zone);
  /* Translators: a time range, e.g. "10:00–10:45". */
  return g_strdup_printf (_("%s–%s"), from, to);
}

char *
oc3_time_format_day (GDateTime *instant,
                     GTimeZone *zone)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (instant != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  local = g_date_time_to_timezone (instant, zone);
  /* Translators: a day in a conference, e.g. "Wednesday, 13 March 2024"; see strftime(3). */
  return g_date_time_format (local, _("%A, %-d %B %Y"));
}

/* "CET (UTC+01:00)": the abbreviation people know and the offset that is unambiguous. */
char *
oc3_time_format_zone (GTimeZone *zone,
                      GDateTime *at)
{
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *offset = NULL;
  const char *abbreviation;

  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (at != NULL, NULL);

  local = g_date_time_to_timezone (at, zone);
  offset = g_date_time_format (local, "%:z");
  abbreviation = g_date_time_get_timezone_abbreviation (local);

  if (abbreviation == NULL || *abbreviation == '\0' || *abbreviation == '+' || *abbreviation == '-')
    return g_strdup_printf ("UTC%s", offset);

  return g_strdup_printf ("%s (UTC%s)", abbreviation, offset);
}

gboolean
oc3_time_zones_differ_at (GTimeZone *zone_a,
                          GTimeZone *zone_b,
                          GDateTime *at)
{
  g_autoptr (GDateTime) a = g_date_time_to_timezone (at, zone_a);
  g_autoptr (GDateTime) b = g_date_time_to_timezone (at, zone_b);

  return g_date_time_get_utc_offset (a) != g_date_time_get_utc_offset (b);
}

/* The zone names in one of the tz database's tables: the third column of
 * zone.tab and zone1970.tab, or the "Z" (zone) lines of tzdata.zi. Links
 * (old names such as "US/Eastern") are left out: each place once. */
static void
read_zone_table (const char *path,
                 GPtrArray  *names)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  gboolean zi = g_str_has_suffix (path, ".zi");

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      if (zi)
        {
          fields = g_strsplit (lines[i], " ", 3);
          if (g_strcmp0 (fields[0], "Z") == 0 && fields[1] != NULL && *fields[1] != '\0')
            g_ptr_array_add (names, g_strdup (fields[1]));
        }
      else
        {
          fields = g_strsplit (lines[i], "\t", 4);
          if (g_strv_length (fields) >= 3 && *fields[2] != '\0')
            g_ptr_array_add (names, g_strdup (fields[2]));
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * oc3_time_list_zones:
 * @tzdir: (nullable): the tz database's directory, or %NULL for $TZDIR or
 *   /usr/share/zoneinfo
 *
 * The identifiers of the time zones a person can choose from, sorted: from
 * zone.tab (a zone for each country's regions, so that "Amsterdam" is
 * there), else zone1970.tab, else tzdata.zi; always with UTC and the local
 * zone, so that the list is never empty even without a tz database.
 *
 * Returns: (transfer full): a %NULL-terminated array of identifiers
 */
char **
oc3_time_list_zones (const char *tzdir)
{
  static const char * const tables[] = { "zone.tab", "zone1970.tab", "tzdata.zi" };
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GTimeZone) local = g_time_zone_new_local ();
  GPtrArray *unique = g_ptr_array_new ();
  const char *local_name = g_time_zone_get_identifier (local);

  if (tzdir == NULL)
    tzdir = g_getenv ("TZDIR");
  if (tzdir == NULL || *tzdir == '\0')
    tzdir = "/usr/share/zoneinfo";

  for (guint i = 0; i < G_N_ELEMENTS (tables) && names->len == 0; i++)
    {
      g_autofree char *path = g_build_filename (tzdir, tables[i], NULL);

      read_zone_table (path, names);
    }

  g_ptr_array_add (names, g_strdup ("UTC"));
  if (local_name != NULL && *local_name != '\0')
    g_ptr_array_add (names, g_strdup (local_name));

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      if (unique->len > 0 && strcmp (g_ptr_array_index (unique, unique->len - 1),
                                     g_ptr_array_index (names, i)) == 0)
        continue;
      g_ptr_array_add (unique, g_strdup (g_ptr_array_index (names, i)));
    }
  g_ptr_array_add (unique, NULL);

  return (char **) g_ptr_array_free (unique, FALSE);
}
