/* oc3-reminder-scheduler.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "oc3-clock.h"
#include "oc3-reminder.h"
#include "oc3-user-store.h"

G_BEGIN_DECLS

/**
 * Oc3ReminderPlan:
 * @guid: the talk
 * @title: its title
 * @room: (nullable): where it takes place
 * @start: when it starts (an instant, see oc3-clock.h)
 * @end: when it ends
 * @lead_minutes: minutes before @start to remind; -1 for the scheduler's
 *   #Oc3ReminderScheduler:default-lead-minutes. The user's choice for the
 *   talk in the store overrides both.
 * @enabled: whether the app wants notifications about this talk at all
 *
 * One talk of the program, as the app gives it to the scheduler. Only talks
 * the user starred (and did not turn reminders off for) are reminded of.
 */
typedef struct
{
  const char *guid;
  const char *title;
  const char *room;
  gint64      start;
  gint64      end;
  int         lead_minutes;
  gboolean    enabled;
} Oc3ReminderPlan;

#define OC3_TYPE_REMINDER_SCHEDULER (oc3_reminder_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (Oc3ReminderScheduler, oc3_reminder_scheduler,
                      OC3, REMINDER_SCHEDULER, GObject)

Oc3ReminderScheduler *oc3_reminder_scheduler_new (Oc3Clock     *clock,
                                                  Oc3UserStore *store);

void     oc3_reminder_scheduler_set_talks (Oc3ReminderScheduler  *self,
                                           const Oc3ReminderPlan *plans,
                                           gsize                  n_plans);
gboolean oc3_reminder_scheduler_snooze    (Oc3ReminderScheduler  *self,
                                           const char            *guid,
                                           int                    minutes);

GTimeZone *oc3_reminder_scheduler_get_display_zone (Oc3ReminderScheduler *self);
void       oc3_reminder_scheduler_set_display_zone (Oc3ReminderScheduler *self,
                                                    GTimeZone            *zone);

int  oc3_reminder_scheduler_get_default_lead_minutes (Oc3ReminderScheduler *self);
void oc3_reminder_scheduler_set_default_lead_minutes (Oc3ReminderScheduler *self,
                                                      int                   minutes);

gboolean oc3_reminder_scheduler_get_has_pending (Oc3ReminderScheduler *self);
gint64   oc3_reminder_scheduler_get_next_due    (Oc3ReminderScheduler *self);

G_END_DECLS
