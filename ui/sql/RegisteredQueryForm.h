// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>

#include "sql/QueryTypes.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class ProblemLabel;
class ProductionMarker;

namespace Halo {
struct Endpoint;
}

// The form that creates a registered query: its name, how often and how long it runs (with the
// spans in hours and minutes), its execution mode and SQL, and Create registered query. What is
// wrong with it is said in words before anything is sent.
class RegisteredQueryForm : public QGroupBox
{
    Q_OBJECT
public:
    static constexpr int kMinFrequencySeconds = 60;
    static constexpr int kMaxDurationSeconds = 24 * 3600;

    explicit RegisteredQueryForm(const Halo::Endpoint &destination, QWidget *parent = nullptr);

    void setCommandText(const QString &sql);
    QString name() const; // trimmed
    int frequencySeconds() const;
    int durationSeconds() const;
    Halo::QueryCommand command() const; // the SQL and its execution mode
    QString problem() const;            // what is wrong with the form; empty when it can be sent
    ProblemLabel *problemLabel() const { return m_problem; }
    void setCreateEnabled(bool enabled);
    void setProductionMarked(bool production); // beside Create

signals:
    void createRequested();

private:
    void updateSpanHints();

    QLineEdit *m_name = nullptr;
    QSpinBox *m_frequency = nullptr;
    QLabel *m_frequencyHint = nullptr;
    QSpinBox *m_duration = nullptr;
    QLabel *m_durationHint = nullptr;
    QComboBox *m_executionMode = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QPushButton *m_create = nullptr;
    ProductionMarker *m_createMarker = nullptr;
    ProblemLabel *m_problem = nullptr;
};
