/* oc3-agenda.h — the user's own program for one conference: starred talks,
 * their conflicts, their reminders and their calendar export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-clock.h"
#include "oc3-conference.h"
#include "oc3-reminder-scheduler.h"
#include "oc3-user-store.h"

G_BEGIN_DECLS

#define OC3_TYPE_AGENDA (oc3_agenda_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Agenda, oc3_agenda, OC3, AGENDA, GObject)

Oc3Agenda            *oc3_agenda_new                (Oc3Conference *conference,
                                                     Oc3UserStore  *store,
                                                     Oc3Clock      *clock);
Oc3Conference        *oc3_agenda_get_conference     (Oc3Agenda     *self);
void                  oc3_agenda_set_conference     (Oc3Agenda     *self,
                                                     Oc3Conference *conference);
Oc3UserStore         *oc3_agenda_get_store          (Oc3Agenda     *self);
Oc3ReminderScheduler *oc3_agenda_get_scheduler      (Oc3Agenda     *self);

gboolean              oc3_agenda_is_starred         (Oc3Agenda     *self,
                                                     const char    *guid);
void                  oc3_agenda_set_starred        (Oc3Agenda     *self,
                                                     const char    *guid,
                                                     gboolean       starred);
gboolean              oc3_agenda_get_star_enables_reminder (Oc3Agenda *self);
void                  oc3_agenda_set_star_enables_reminder (Oc3Agenda *self,
                                                            gboolean   enables);
GListModel           *oc3_agenda_get_starred        (Oc3Agenda     *self);
GStrv                 oc3_agenda_dup_missing_guids  (Oc3Agenda     *self);
GPtrArray            *oc3_agenda_get_conflicts      (Oc3Agenda     *self,
                                                     Oc3Talk       *talk);
void                  oc3_agenda_replan             (Oc3Agenda     *self);
char                 *oc3_agenda_export_ical        (Oc3Agenda     *self,
                                                     Oc3Talk       *only_talk,
                                                     gsize         *length);

G_END_DECLS
