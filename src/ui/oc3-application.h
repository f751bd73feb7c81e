/* oc3-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OC3_TYPE_APPLICATION (oc3_application_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Application, oc3_application, OC3, APPLICATION, AdwApplication)

Oc3Application *oc3_application_new             (void);
int             oc3_application_get_exit_status (Oc3Application *self);

G_END_DECLS
