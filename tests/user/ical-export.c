/* ical-export.c — writes the talks of a JSON file as iCalendar, for
 * ical-roundtrip.py to read back with the python icalendar library
 *
 *   ical-export EVENTS.json OUT.ics
 *
 * EVENTS.json: {"stamp": ISO 8601, "events": [{"uid", "summary", "location",
 * "description", "url", "zone" (an identifier, or null when "start" and
 * "end" carry their offset), "start", "end"}, …]}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "oc3-ical-writer.h"

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return json_node_get_string (node);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) events = g_array_new (FALSE, TRUE, sizeof (Oc3IcalEvent));
  g_autoptr (GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr (GDateTime) stamp = NULL;
  g_autofree char *ics = NULL;
  JsonObject *root;
  JsonArray *array;
  gsize length;

  if (argc != 3)
    {
      g_printerr ("usage: %s EVENTS.json OUT.ics\n", argv[0]);
      return 2;
    }

  if (!json_parser_load_from_file (parser, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  stamp = g_date_time_new_from_iso8601 (json_object_get_string_member (root, "stamp"), NULL);
  array = json_object_get_array_member (root, "events");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *zone_id = member_string (object, "zone");
      g_autoptr (GTimeZone) zone = zone_id ? g_time_zone_new_identifier (zone_id) : NULL;
      Oc3IcalEvent event = { 0 };

      if (zone_id != NULL && zone == NULL)
        {
          g_printerr ("unknown time zone %s\n", zone_id);
          return 1;
        }

      event.uid = member_string (object, "uid");
      event.summary = member_string (object, "summary");
      event.location = member_string (object, "location");
      event.description = member_string (object, "description");
      event.url = member_string (object, "url");
      event.start = g_date_time_new_from_iso8601 (member_string (object, "start"), zone);
      event.end = g_date_time_new_from_iso8601 (member_string (object, "end"), zone);
      if (event.start == NULL || event.end == NULL)
        {
          g_printerr ("event %u: bad start or end\n", i);
          return 1;
        }
      g_ptr_array_add (times, event.start);
      g_ptr_array_add (times, event.end);
      g_array_append_val (events, event);
    }

  ics = oc3_ical_writer_write ((Oc3IcalEvent *) events->data, events->len, stamp, &length);
  if (!g_file_set_contents (argv[2], ics, (gssize) length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
