import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '@/components/pages/page.css';
import '@/components/dashboard/dashboard.css';
import { DashboardApp } from '@/components/dashboard/dashboard-app';

const root = document.getElementById('app');
if (root) render(<DashboardApp />, root);
