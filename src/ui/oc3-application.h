/* oc3-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "oc3-agenda.h"

G_BEGIN_DECLS

#define OC3_TYPE_APPLICATION (oc3_application_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Application, oc3_application, OC3, APPLICATION, AdwApplication)

Oc3Application *oc3_application_new             (void);
int             oc3_application_get_exit_status (Oc3Application *self);
Oc3Agenda      *oc3_application_get_agenda      (Oc3Application *self,
                                                 Oc3Conference  *conference,
                                                 const char     *conference_id);
Oc3Agenda      *oc3_application_peek_agenda     (Oc3Application *self);

G_END_DECLS
