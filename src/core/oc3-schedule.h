/* oc3-schedule.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-conference.h"

G_BEGIN_DECLS

#define OC3_SCHEDULE_ERROR (oc3_schedule_error_quark ())

/**
 * Oc3ScheduleError:
 * @OC3_SCHEDULE_ERROR_EMPTY: the input is empty (or only white space)
 * @OC3_SCHEDULE_ERROR_NOT_JSON: the input is neither JSON nor XML (an HTML page, say)
 * @OC3_SCHEDULE_ERROR_SYNTAX: the input is malformed JSON or XML
 * @OC3_SCHEDULE_ERROR_TRUNCATED: the input ends early (an interrupted download)
 * @OC3_SCHEDULE_ERROR_ENCODING: the input is not valid UTF-8 (or, for XML, its declared encoding)
 * @OC3_SCHEDULE_ERROR_TOO_LARGE: the input, a string, the number of talks (or XML elements
 *   and attributes) is over a limit
 * @OC3_SCHEDULE_ERROR_TOO_DEEP: arrays, objects or elements are nested too deeply
 * @OC3_SCHEDULE_ERROR_SHAPE: valid JSON or XML, but not a schedule (a required part is missing)
 * @OC3_SCHEDULE_ERROR_TYPE: a member has a type that has no sensible reading
 * @OC3_SCHEDULE_ERROR_VALUE: a date, time or duration that cannot be read
 * @OC3_SCHEDULE_ERROR_UNSAFE: XML that declares entities or attribute defaults, refused
 *   before anything is expanded (billion laughs) or read (external entities)
 *
 * Every message names the path of the problem, as in
 * `schedule.conference.days[2].rooms["Hall 1"][4].date: not a date-time: "2024-13-45T10:00"`
 * for schedule.json and
 * `schedule/day[2]/room[@name="Janson"]/event[4]/start: not a time: "25:99"` for schedule.xml.
 */
typedef enum {
  OC3_SCHEDULE_ERROR_EMPTY,
  OC3_SCHEDULE_ERROR_NOT_JSON,
  OC3_SCHEDULE_ERROR_SYNTAX,
  OC3_SCHEDULE_ERROR_TRUNCATED,
  OC3_SCHEDULE_ERROR_ENCODING,
  OC3_SCHEDULE_ERROR_TOO_LARGE,
  OC3_SCHEDULE_ERROR_TOO_DEEP,
  OC3_SCHEDULE_ERROR_SHAPE,
  OC3_SCHEDULE_ERROR_TYPE,
  OC3_SCHEDULE_ERROR_VALUE,
  OC3_SCHEDULE_ERROR_UNSAFE,
} Oc3ScheduleError;

/* Limits: inputs, strings and talk counts beyond these are refused. */
#define OC3_SCHEDULE_MAX_INPUT_SIZE  (64 * 1024 * 1024)
#define OC3_SCHEDULE_MAX_STRING_SIZE (1024 * 1024)
#define OC3_SCHEDULE_MAX_TALKS       100000
#define OC3_SCHEDULE_MAX_DEPTH       64
#define OC3_SCHEDULE_MAX_VALUES      4000000

GQuark         oc3_schedule_error_quark          (void);

Oc3Conference *oc3_schedule_parse                (GBytes                *data,
                                                  GError               **error);
Oc3Conference *oc3_schedule_parse_with_zone      (GBytes                *data,
                                                  GTimeZone             *default_zone,
                                                  GError               **error);
Oc3Conference *oc3_schedule_load_file            (GFile                 *file,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
Oc3Conference *oc3_schedule_load_file_with_zone  (GFile                 *file,
                                                  GTimeZone             *default_zone,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
void           oc3_schedule_load_async           (GFile                 *file,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
void           oc3_schedule_load_with_zone_async (GFile                 *file,
                                                  GTimeZone             *default_zone,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
Oc3Conference *oc3_schedule_load_finish          (GAsyncResult          *result,
                                                  GError               **error);
void           oc3_schedule_parse_async          (GBytes                *data,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
Oc3Conference *oc3_schedule_parse_finish         (GAsyncResult          *result,
                                                  GError               **error);

G_END_DECLS
