#pragma once

#include <QMainWindow>

#include "Environment.h"

class QLabel;
class QTableView;
class EnvironmentBanner;

namespace Halo {
class HaloApiClient;
class SiteListModel;
} // namespace Halo

// The main window: a coordinator that lays out the parts and forwards what the user does.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Halo::HaloApiClient *client, Halo::SiteListModel *sites, QWidget *parent = nullptr);

    void setEndpoint(const Halo::Endpoint &endpoint);
    void showMessage(const QString &message);

signals:
    void refreshRequested();

private:
    void createMenus();

    Halo::HaloApiClient *m_client;
    Halo::SiteListModel *m_sites;
    EnvironmentBanner *m_banner;
    QTableView *m_siteView;
    QLabel *m_statusLabel;
};
