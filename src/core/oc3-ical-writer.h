/* oc3-ical-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * Oc3IcalEvent:
 * @uid: the talk's GUID; the event's UID is "<uid>@oc3"
 * @summary: the title
 * @location: (nullable): the room
 * @description: (nullable): the abstract, may have several lines
 * @url: (nullable): the talk's page
 * @start: when it starts, in any zone (written in UTC)
 * @end: (nullable): when it ends
 *
 * One talk to export. Plain values: the writer knows no model class.
 */
typedef struct
{
  const char *uid;
  const char *summary;
  const char *location;
  const char *description;
  const char *url;
  GDateTime  *start;
  GDateTime  *end;
} Oc3IcalEvent;

char *oc3_ical_writer_escape_text (const char         *text);
void  oc3_ical_writer_append_line (GString            *out,
                                   const char         *line);
char *oc3_ical_writer_write       (const Oc3IcalEvent *events,
                                   gsize               n_events,
                                   GDateTime          *stamp,
                                   gsize              *length);

G_END_DECLS
