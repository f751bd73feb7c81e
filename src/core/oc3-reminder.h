/* oc3-reminder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * Oc3ReminderKind:
 * @OC3_REMINDER_UPCOMING: the talk starts soon (or is starting now)
 * @OC3_REMINDER_STARTED: the reminder was missed (OC3 was not running, or the
 *   machine was asleep) and the talk began a while ago, but has not ended
 * @OC3_REMINDER_MOVED: a new program moved a starred talk to another time or room
 * @OC3_REMINDER_CANCELLED: a new program no longer has a starred talk
 * @OC3_REMINDER_SNOOZED: a reminder the user snoozed is due again
 */
typedef enum
{
  OC3_REMINDER_UPCOMING,
  OC3_REMINDER_STARTED,
  OC3_REMINDER_MOVED,
  OC3_REMINDER_CANCELLED,
  OC3_REMINDER_SNOOZED,
} Oc3ReminderKind;

#define OC3_TYPE_REMINDER_KIND (oc3_reminder_kind_get_type ())
GType oc3_reminder_kind_get_type (void) G_GNUC_CONST;

#define OC3_TYPE_REMINDER (oc3_reminder_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Reminder, oc3_reminder, OC3, REMINDER, GObject)

Oc3Reminder     *oc3_reminder_new                 (const char      *guid,
                                                   Oc3ReminderKind  kind,
                                                   const char      *title,
                                                   const char      *body,
                                                   gint64           due,
                                                   gint64           talk_start,
                                                   gint64           talk_end);
const char      *oc3_reminder_get_guid            (Oc3Reminder     *self);
Oc3ReminderKind  oc3_reminder_get_kind            (Oc3Reminder     *self);
const char      *oc3_reminder_get_title           (Oc3Reminder     *self);
const char      *oc3_reminder_get_body            (Oc3Reminder     *self);
const char      *oc3_reminder_get_notification_id (Oc3Reminder     *self);
gint64           oc3_reminder_get_due             (Oc3Reminder     *self);
gint64           oc3_reminder_get_talk_start      (Oc3Reminder     *self);
gint64           oc3_reminder_get_talk_end        (Oc3Reminder     *self);

G_END_DECLS
