// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Halo {
class RequestLog;
class RequestLogModel;
struct LoggedExchange;
} // namespace Halo

// The Log tab: every exchange with Halo Cloud, the details of the selected one, and "copy as
// cURL" (the key appears as $HALO_KEY). In privacy mode the bodies hide patient data. Shows a
// RequestLogModel over the log; clearing is forwarded to it.
class RequestLogView : public QWidget
{
    Q_OBJECT
public:
    explicit RequestLogView(Halo::RequestLog *log, QWidget *parent = nullptr);

    Halo::RequestLogModel *model() const { return m_model; }
    // Privacy mode: bodies shown with patient values hidden, or hidden whole; Copy as cURL asks.
    void setPrivacy(bool on);

private:
    QWidget *createToolbar();
    void configureTable();
    void showSelected();
    void copySelectedAsCurl();
    void updateButtons();
    // The selected exchange, or nullptr when nothing (visible) is selected.
    const Halo::LoggedExchange *selectedExchange() const;

    Halo::RequestLogModel *m_model;
    QSortFilterProxyModel *m_filtered;
    QLineEdit *m_filter;
    QPushButton *m_copyCurl;
    QPushButton *m_clear;
    QLabel *m_notice;
    QTableView *m_table;
    QPlainTextEdit *m_details;
    quint64 m_shownId = 0; // the exchange in the details pane; 0: none
    bool m_privacy = false;
};
