/* oc3-schedule-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-conference.h"
#include "oc3-timeline.h"

G_BEGIN_DECLS

#define OC3_TYPE_SCHEDULE_VIEW (oc3_schedule_view_get_type ())

G_DECLARE_FINAL_TYPE (Oc3ScheduleView, oc3_schedule_view, OC3, SCHEDULE_VIEW, GtkWidget)

void         oc3_schedule_view_set_conference (Oc3ScheduleView *self,
                                               Oc3Conference   *conference,
                                               GTimeZone       *zone);
void         oc3_schedule_view_set_zone       (Oc3ScheduleView *self,
                                               GTimeZone       *zone);
void         oc3_schedule_view_show_day       (Oc3ScheduleView *self,
                                               guint            day_index);
guint        oc3_schedule_view_get_day        (Oc3ScheduleView *self);
void         oc3_schedule_view_show_now       (Oc3ScheduleView *self);
Oc3Timeline *oc3_schedule_view_get_timeline   (Oc3ScheduleView *self);

G_END_DECLS
