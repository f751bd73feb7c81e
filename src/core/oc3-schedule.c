/* oc3-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-schedule-private.h"

G_DEFINE_QUARK (oc3-schedule-error-quark, oc3_schedule_error)

static Oc3Conference *
parse_bytes (GBytes        *data,
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

  return oc3_schedule_read_json (text, length, NULL, cancellable, error);
}

/**
 * oc3_schedule_parse:
 * @data: a schedule.json file's contents
 * @error: return location for an %OC3_SCHEDULE_ERROR
 *
 * Parses a schedule.json (version 1, as frab, pretalx and the c3voc hub
 * write it) into a conference. Blocks for a few milliseconds per megabyte:
 * call it from a worker thread, or use oc3_schedule_parse_async().
 *
 * Returns: (transfer full): the conference, or %NULL with @error set
 */
Oc3Conference *
oc3_schedule_parse (GBytes  *data,
                    GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_bytes (data, NULL, error);
}

/**
 * oc3_schedule_load_file:
 * @file: a schedule.json file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an %OC3_SCHEDULE_ERROR or a %G_IO_ERROR
 *
 * Reads and parses @file; blocks, so call it from a worker thread.
 *
 * Returns: (transfer full): the conference, or %NULL with @error set
 */
Oc3Conference *
oc3_schedule_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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

  return parse_bytes (bytes, cancellable, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  Oc3Conference *conference = oc3_schedule_load_file (task_data, cancellable, &error);

  if (conference != NULL)
    g_task_return_pointer (task, conference, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * oc3_schedule_load_async:
 * @file: a schedule.json file
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
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, oc3_schedule_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
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
  Oc3Conference *conference = parse_bytes (task_data, cancellable, &error);

  if (conference != NULL)
    g_task_return_pointer (task, conference, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * oc3_schedule_parse_async:
 * @data: a schedule.json file's contents
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
