// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "snippets/CodeSnippet.h"

#include <QToolButton>

// "Copy as": a button whose menu lists the languages a request can be copied in (cURL,
// PowerShell, Python, C#, JavaScript), each entry named by its language. The tab that owns it
// builds the request and copies the code.
class CopyAsButton : public QToolButton
{
    Q_OBJECT
public:
    explicit CopyAsButton(QWidget *parent = nullptr);

signals:
    void languageChosen(Halo::SnippetLanguage language);
};
