/* oc3-time.h — the current time, and times as attendees read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64     oc3_time_now_usec         (void);
GDateTime *oc3_time_now              (void);
gboolean   oc3_time_parse_now_override (const char *text,
                                        GDateTime **out_instant);

char      *oc3_time_format_clock     (GDateTime  *instant,
                                      GTimeZone  *zone);
char      *oc3_time_format_range     (GDateTime  *start,
                                      GDateTime  *end,
                                      GTimeZone  *zone);
char      *oc3_time_format_day       (GDateTime  *instant,
                                      GTimeZone  *zone);
char      *oc3_time_format_zone      (GTimeZone  *zone,
                                      GDateTime  *at);
gboolean   oc3_time_zones_differ_at  (GTimeZone  *zone_a,
                                      GTimeZone  *zone_b,
                                      GDateTime  *at);
char     **oc3_time_list_zones       (const char *tzdir);

G_END_DECLS
