// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

#include "sites/SiteInfo.h"
#include "sql/QueryTypes.h"

class QCheckBox;
class QComboBox;
class QSpinBox;

// How a SQL command runs: execution mode, command type, catalogue, max time in queue and
// immediate or async. Fills a QueryCommand; knows nothing about sending it.
class QueryOptionsBar : public QWidget
{
    Q_OBJECT
public:
    explicit QueryOptionsBar(QWidget *parent = nullptr);

    // The site's catalogues, the default one marked; `known` false when there is no live status
    // yet: the box then takes a typed name.
    void setCatalogues(const QList<Halo::SiteInfo::Catalogue> &catalogues, bool known);
    void applyTo(Halo::QueryCommand *command) const; // all but text and parameters

    bool isAsync() const;
    void setAsync(bool async);
    QString catalogue() const; // empty: the site's default
    QString executionMode() const;
    void setExecutionMode(const QString &mode);
    void setCommandType(const QString &type);
    void setMaxTimeInQueue(std::optional<int> ms);

    static constexpr int kImmediateMaxQueueMs = 60000;
    static constexpr int kAsyncMaxQueueMs = 7200000;

signals:
    void asyncChanged(bool async);
    void catalogueChanged(const QString &catalogue); // as catalogue() gives it

private:
    QComboBox *m_mode;
    QComboBox *m_type;
    QComboBox *m_catalogue;
    QSpinBox *m_maxTimeInQueue;
    QCheckBox *m_async;
};
