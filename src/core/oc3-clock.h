/* oc3-clock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* An instant is a point in time as microseconds since the Unix epoch (UTC),
 * the unit of g_get_real_time (). Reminders are planned in instants, never in
 * local wall-clock times, so that DST and time zone changes cannot move them. */

#define OC3_TYPE_CLOCK (oc3_clock_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Clock, oc3_clock, OC3, CLOCK, GObject)

typedef void (*Oc3ClockAlarmFunc) (gpointer user_data);

Oc3Clock  *oc3_clock_new                     (void);
Oc3Clock  *oc3_clock_new_manual              (gint64             now);
gboolean   oc3_clock_is_manual               (Oc3Clock          *self);
gint64     oc3_clock_get_now                 (Oc3Clock          *self);
guint      oc3_clock_add_alarm               (Oc3Clock          *self,
                                              gint64             instant,
                                              Oc3ClockAlarmFunc  func,
                                              gpointer           user_data,
                                              GDestroyNotify     destroy);
void       oc3_clock_remove_alarm            (Oc3Clock          *self,
                                              guint              alarm_id);

/* Manual clocks only. */
void       oc3_clock_set_now                 (Oc3Clock          *self,
                                              gint64             now);
void       oc3_clock_advance                 (Oc3Clock          *self,
                                              gint64             delta);

gint64     oc3_clock_instant_from_date_time  (GDateTime         *date_time);
GDateTime *oc3_clock_instant_to_date_time    (gint64             instant,
                                              GTimeZone         *zone);

G_END_DECLS
