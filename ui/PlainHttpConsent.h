// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QUrl;
class QWidget;

// Asks, where a custom base URL is set, whether the subscription key may cross the network
// unencrypted to `url` (plain http:// to a host that is not this machine; the rule is
// Halo::needsPlainHttpConsent). True only when the user ticks "Allow plain HTTP" and confirms.
bool askPlainHttpConsent(QWidget *parent, const QUrl &url);
