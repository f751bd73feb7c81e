/* oc3-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <stdio.h>

#include "oc3-check.h"
#include "oc3-schedule.h"

/*
 * `oc3 --check FILE|URL [--json]`: parses a schedule the way the app would
 * and says what it found, for people who publish schedules and for scripts.
 */

static gboolean
is_web_url (const char *location)
{
  const char *scheme = g_uri_peek_scheme (location);

  return scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"));
}

static GBytes *
download (const char  *url,
          GError     **error)
{
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (SoupMessage) message = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GByteArray) data = g_byte_array_new ();
  goffset announced;
  guint status;

  message = soup_message_new (SOUP_METHOD_GET, url);
  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("%s: not a valid URL"), url);
      return NULL;
    }

  session = soup_session_new_with_options ("user-agent", "OC3/" PACKAGE_VERSION,
                                           "timeout", 60,
                                           NULL);
  stream = soup_session_send (session, message, NULL, error);
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", url);
      return NULL;
    }

  status = soup_message_get_status (message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the server answered %u %s"),
                   url, status, soup_message_get_reason_phrase (message));
      return NULL;
    }

  announced = soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n_read;

      if (announced > OC3_CHECK_MAX_DOWNLOAD || data->len > OC3_CHECK_MAX_DOWNLOAD)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("%s: the schedule is larger than %d MiB"),
                       url, OC3_CHECK_MAX_DOWNLOAD / (1024 * 1024));
          return NULL;
        }

      n_read = g_input_stream_read (stream, buffer, sizeof buffer, NULL, error);
      if (n_read < 0)
        {
          g_prefix_error (error, "%s: ", url);
          return NULL;
        }
      if (n_read == 0)
        break;
      g_byte_array_append (data, buffer, n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * oc3_check_fetch:
 * @location: a file's path, or an http or https URL
 * @error: return location for a #GError
 *
 * Reads a schedule from a file, or downloads it (synchronously, as
 * "OC3/VERSION", at most %OC3_CHECK_MAX_DOWNLOAD bytes).
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
oc3_check_fetch (const char  *location,
                 GError     **error)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (location != NULL, NULL);

  if (is_web_url (location))
    return download (location, error);

  file = g_file_new_for_commandline_arg (location);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static char *
format_json (Oc3Conference *conference)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  const char * const *warnings = oc3_conference_get_warnings (conference);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, oc3_conference_get_title (conference));
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder,
                              g_list_model_get_n_items (oc3_conference_get_days (conference)));
  json_builder_set_member_name (builder, "rooms");
  json_builder_add_int_value (builder,
                              g_list_model_get_n_items (oc3_conference_get_rooms (conference)));
  json_builder_set_member_name (builder, "tracks");
  json_builder_add_int_value (builder,
                              g_list_model_get_n_items (oc3_conference_get_tracks (conference)));
  json_builder_set_member_name (builder, "talks");
  json_builder_add_int_value (builder,
                              g_list_model_get_n_items (oc3_conference_get_talks (conference)));
  json_builder_set_member_name (builder, "persons");
  json_builder_add_int_value (builder,
                              g_list_model_get_n_items (oc3_conference_get_persons (conference)));
  json_builder_set_member_name (builder, "time_zone");
  json_builder_add_string_value (builder, oc3_conference_get_time_zone_identifier (conference));
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; warnings[i] != NULL; i++)
    json_builder_add_string_value (builder, warnings[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

/**
 * oc3_check_format_summary:
 * @conference: a conference
 * @as_json: whether to write JSON rather than text for people
 *
 * Returns: (transfer full): what `oc3 --check` prints, ending in a newline
 */
char *
oc3_check_format_summary (Oc3Conference *conference,
                          gboolean       as_json)
{
  const char * const *warnings;
  GString *out;

  g_return_val_if_fail (OC3_IS_CONFERENCE (conference), NULL);

  if (as_json)
    {
      g_autofree char *json = format_json (conference);

      return g_strconcat (json, "\n", NULL);
    }

  warnings = oc3_conference_get_warnings (conference);
  out = g_string_new (NULL);
  g_string_append_printf (out, _("Title: %s\n"), oc3_conference_get_title (conference));
  g_string_append_printf (out, _("Days: %u\n"),
                          g_list_model_get_n_items (oc3_conference_get_days (conference)));
  g_string_append_printf (out, _("Rooms: %u\n"),
                          g_list_model_get_n_items (oc3_conference_get_rooms (conference)));
  g_string_append_printf (out, _("Tracks: %u\n"),
                          g_list_model_get_n_items (oc3_conference_get_tracks (conference)));
  g_string_append_printf (out, _("Talks: %u\n"),
                          g_list_model_get_n_items (oc3_conference_get_talks (conference)));
  g_string_append_printf (out, _("Persons: %u\n"),
                          g_list_model_get_n_items (oc3_conference_get_persons (conference)));
  g_string_append_printf (out, _("Time zone: %s\n"),
                          oc3_conference_get_time_zone_identifier (conference));
  g_string_append_printf (out, _("Warnings: %u\n"), g_strv_length ((GStrv) warnings));
  for (guint i = 0; warnings[i] != NULL; i++)
    g_string_append_printf (out, "  %s\n", warnings[i]);

  return g_string_free (out, FALSE);
}

/**
 * oc3_check_main:
 * @location: a file's path, or an http or https URL
 * @as_json: whether to print JSON
 *
 * Loads and parses a schedule, prints a summary and the warnings to stdout,
 * or "oc3: ERROR" to stderr.
 *
 * Returns: the exit status: 0 if the schedule could be read, else 1
 */
int
oc3_check_main (const char *location,
                gboolean    as_json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (location != NULL, 1);

  data = oc3_check_fetch (location, &error);
  if (data != NULL)
    conference = oc3_schedule_parse (data, &error);

  if (conference == NULL)
    {
      g_printerr ("oc3: %s\n", error->message);
      return 1;
    }

  summary = oc3_check_format_summary (conference, as_json);
  /* JSON is for programs: UTF-8 whatever the locale, where g_print() would
   * convert to the locale's character set. */
  if (as_json)
    {
      fputs (summary, stdout);
      fflush (stdout);
    }
  else
    g_print ("%s", summary);

  return 0;
}
