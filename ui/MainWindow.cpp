#include "MainWindow.h"

#include "EnvironmentBanner.h"
#include "HaloApiClient.h"
#include "SiteListModel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

MainWindow::MainWindow(Halo::HaloApiClient *client, Halo::SiteListModel *sites, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_sites(sites)
    , m_banner(new EnvironmentBanner(this))
    , m_siteView(new QTableView(this))
    , m_statusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    resize(1100, 700);

    m_siteView->setObjectName(QStringLiteral("siteList"));
    m_siteView->setAccessibleName(tr("Site list"));
    m_siteView->setModel(m_sites);
    m_siteView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_siteView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_siteView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_siteView->verticalHeader()->hide();
    m_siteView->horizontalHeader()->setStretchLastSection(true);
    m_siteView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_siteView, 1);
    setCentralWidget(central);

    m_statusLabel->setObjectName(QStringLiteral("lastRequestStatus"));
    m_statusLabel->setAccessibleName(tr("Last request"));
    statusBar()->addWidget(m_statusLabel, 1);
    createMenus();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::refreshRequested);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setObjectName(QStringLiteral("refreshAction"));
}

void MainWindow::setEndpoint(const Halo::Endpoint &endpoint)
{
    m_banner->setEndpoint(endpoint);
    const QString name = Halo::environmentDisplayName(endpoint.environment);
    setWindowTitle(tr("Halo Explorer — %1").arg(name));
}

void MainWindow::showMessage(const QString &message)
{
    m_statusLabel->setText(message);
}
