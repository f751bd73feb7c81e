/* oc3-schedule-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-schedule.h"

G_BEGIN_DECLS

/* At most this many warnings are kept; a last one says that more were left out. */
#define OC3_SCHEDULE_MAX_WARNINGS 1000

void           oc3_schedule_add_warning (GPtrArray     *warnings,
                                         char          *warning);

Oc3Conference *oc3_schedule_read_json   (const char    *data,
                                         gsize          length,
                                         GTimeZone     *default_zone,
                                         GCancellable  *cancellable,
                                         GError       **error);
Oc3Conference *oc3_schedule_read_xml    (const char    *data,
                                         gsize          length,
                                         GTimeZone     *default_zone,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
