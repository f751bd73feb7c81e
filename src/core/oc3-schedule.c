/* oc3-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "oc3-schedule-private.h"

G_DEFINE_QUARK (oc3-schedule-error-quark, oc3_schedule_error)

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;

  return p;
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize) (end - p) >= length && g_ascii_strncasecmp (p, prefix, length) == 0;
}

/* Whether @text is XML rather than JSON: an XML declaration, or a
 * <schedule> root, perhaps after comments and a DOCTYPE. An HTML page (a
 * captive portal's, say) is not: the JSON reader explains what it is. */
static gboolean
looks_like_xml (const char *text,
                gsize       length)
{
  const char *end = text + length;
  const char *p = text;

  if (has_prefix (p, end, "\xef\xbb\xbf"))
    p += 3;
  p = skip_space (p, end);

  if (has_prefix (p, end, "<?xml"))
    return TRUE;

  for (;;)
    {
      if (has_prefix (p, end, "<!--"))
        {
          const char *close = memmem (p, end - p, "-->", 3);

          if (close == NULL)
            return FALSE;
          p = skip_space (close + 3, end);
        }
      else if (has_prefix (p, end, "<!DOCTYPE"))
        {
          p = skip_space (p + strlen ("<!DOCTYPE"), end);
          return !has_prefix (p, end, "html");
        }
      else
        {
          const char *after = p + strlen ("<schedule");

          return has_prefix (p, end, "<schedule") &&
                 (after == end || *after == '>' || *after == '/' ||
                  g_ascii_isspace (*after));
        }
    }
}

static Oc3Conference *
parse_bytes (GBytes        *data,
             GTimeZone     *default_zone,
             GCancellable  *cancellable,
             GError       **error)
{
  gsize length;
  const char *text = g_bytes_get_data (data, &length);

  /* Refused before reading a byte of it. */
  if (length > OC3_SCHEDULE_MAX_INPUT_SIZE)
    {
      g_set_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_TOO_LARGE,
                   _("(root): the input is larger than %d MiB"),
                   OC3_SCHEDULE_MAX_INPUT_SIZE / (1024 * 1024));
      return NULL;
    }

  if (text != NULL && looks_like_xml (text, length))
    return oc3_schedule_read_xml (text, length, default_zone, cancellable, error);

  return oc3_schedule_read_json (text, length, default_zone, cancellable, error);
}

/**
 * oc3_schedule_parse:
 * @data: a schedule.json or schedule.xml file's contents
 * @error: return location for an %OC3_SCHEDULE_ERROR
 *
 * Parses a schedule into a conference: schedule.json (version 1, as frab,
 * pretalx and the c3voc hub write it) or Pentabarf's schedule.xml (FOSDEM's,
 * wafer's), told apart by their contents. Times that a schedule.xml gives
 * no zone for are taken as local: see oc3_schedule_parse_with_zone().
 * Blocks for a few milliseconds per megabyte: call it from a worker thread,
 * or use oc3_schedule_parse_async().
 *
 * Returns: (transfer full): the conference, or %NULL with @error set
 */
Oc3Conference *
oc3_schedule_parse (GBytes  *data,
                    GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_bytes (data, NULL, NULL, error);
}

/**
 * oc3_schedule_parse_with_zone:
 * @data: a schedule.json or schedule.xml file's contents
 * @default_zone: (nullable): the zone of times the schedule gives none for,
 *   or %NULL for the local zone
 * @error: return location for an %OC3_SCHEDULE_ERROR
 *
 * Like oc3_schedule_parse(), for schedules whose times may carry no zone:
 * FOSDEM's schedule.xml has neither a time_zone_name nor offsets, its times
 * being local to the venue, so the caller who knows the venue says where
 * that is. @default_zone is used only where the schedule names no zone and
 * no time has an offset (a warning says so).
 *
 * Returns: (transfer full): the conference, or %NULL with @error set
 */
Oc3Conference *
oc3_schedule_parse_with_zone (GBytes     *data,
                              GTimeZone  *default_zone,
                              GError    **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_bytes (data, default_zone, NULL, error);
}

static Oc3Conference *
load_file (GFile         *file,
           GTimeZone     *default_zone,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* An absurd file is refused before it is read into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > OC3_SCHEDULE_MAX_INPUT_SIZE)
    {
      g_set_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_TOO_LARGE,
                   _("(root): the input is larger than %d MiB"),
                   OC3_SCHEDULE_MAX_INPUT_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return parse_bytes (bytes, default_zone, cancellable, error);
}

/**
 * oc3_schedule_load_file:
 * @file: a schedule.json or schedule.xml file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an %OC3_SCHEDULE_ERROR or a %G_IO_ERROR
 *
 * Reads and parses @file; blocks, so call it from a worker thread. Times
 * that a schedule.xml gives no zone for are taken as local.
 *
 * Returns: (transfer full): the conference, or %NULL with @error set
 */
Oc3Conference *
oc3_schedule_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (file, NULL, cancellable, error);
}

/**
 * oc3_schedule_load_file_with_zone:
 * @file: a schedule.json or schedule.xml file
 * @default_zone: (nullable): the zone of times the schedule gives none for,
 *   or %NULL for the local zone
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an %OC3_SCHEDULE_ERROR or a %G_IO_ERROR
 *
 * Like oc3_schedule_load_file(), with the zone of a program that names
 * none: see oc3_schedule_parse_with_zone().
 *
 * Returns: (transfer full): the conference, or %NULL with @error set
 */
Oc3Conference *
oc3_schedule_load_file_with_zone (GFile         *file,
                                  GTimeZone     *default_zone,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (file, default_zone, cancellable, error);
}

typedef struct
{
  GFile     *file;
  GTimeZone *default_zone;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->default_zone, g_time_zone_unref);
  g_free (data);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  Oc3Conference *conference = load_file (data->file, data->default_zone, cancellable, &error);

  if (conference != NULL)
    g_task_return_pointer (task, conference, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * oc3_schedule_load_async:
 * @file: a schedule.json or schedule.xml file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Reads and parses @file in a worker thread.
 */
void
oc3_schedule_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  oc3_schedule_load_with_zone_async (file, NULL, cancellable, callback, user_data);
}

/**
 * oc3_schedule_load_with_zone_async:
 * @file: a schedule.json or schedule.xml file
 * @default_zone: (nullable): the zone of times the schedule gives none for,
 *   or %NULL for the local zone
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Reads and parses @file in a worker thread, as
 * oc3_schedule_load_file_with_zone() does; finish with
 * oc3_schedule_load_finish().
 */
void
oc3_schedule_load_with_zone_async (GFile               *file,
                                   GTimeZone           *default_zone,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->default_zone = default_zone != NULL ? g_time_zone_ref (default_zone) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, oc3_schedule_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * oc3_schedule_load_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for an %OC3_SCHEDULE_ERROR, a %G_IO_ERROR, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the conference, or %NULL with @error set
 */
Oc3Conference *
oc3_schedule_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == oc3_schedule_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  Oc3Conference *conference = parse_bytes (task_data, NULL, cancellable, &error);

  if (conference != NULL)
    g_task_return_pointer (task, conference, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * oc3_schedule_parse_async:
 * @data: a schedule.json or schedule.xml file's contents
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Parses @data in a worker thread (after a download, say).
 */
void
oc3_schedule_parse_async (GBytes              *data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, oc3_schedule_parse_async);
  g_task_set_task_data (task, g_bytes_ref (data), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, parse_thread);
}

/**
 * oc3_schedule_parse_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for an %OC3_SCHEDULE_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the conference, or %NULL with @error set
 */
Oc3Conference *
oc3_schedule_parse_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == oc3_schedule_parse_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
