/* oc3-add-conference-dialog.h — Add Conference…: a program's address or
 * file, and the time zone of its times if it gives none; previewed before
 * it is added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "oc3-program-cache.h"
#include "oc3-program-fetcher.h"

G_BEGIN_DECLS

#define OC3_TYPE_ADD_CONFERENCE_DIALOG (oc3_add_conference_dialog_get_type ())

G_DECLARE_FINAL_TYPE (Oc3AddConferenceDialog, oc3_add_conference_dialog, OC3, ADD_CONFERENCE_DIALOG, AdwDialog)

Oc3AddConferenceDialog *oc3_add_conference_dialog_new       (Oc3ProgramCache        *cache,
                                                             Oc3ProgramFetcher      *fetcher);
const char             *oc3_add_conference_dialog_get_error (Oc3AddConferenceDialog *self);
void                    oc3_add_conference_dialog_set_conference (Oc3AddConferenceDialog *self,
                                                                  const char             *location,
                                                                  GTimeZone              *zone);

G_END_DECLS
